package org.smpolicy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.smpolicy.UnknownFacts.Fact;
import org.smpolicy.decision.Decision;
import org.smpolicy.decision.Outcome;
import org.smpolicy.decision.Question;
import org.smpolicy.model.Answer;
import org.smpolicy.model.PolicyRequest;

/**
 * Which unknown facts would settle a decision, and what it becomes if they are answered the most
 * permissive way: the unknown facts whose answer matters are set to the answer that leads to the
 * most permissive outcome, the list is made minimal (no question can be dropped without losing
 * that outcome), and each question names the facts of the same object that settle it in its place
 * (alternatives). {@link #find} says how it is searched at a few decisions a question.
 */
final class Questions {

    /** Most unknown facts tried: beyond them the decision lists none rather than run on. */
    static final int MAX_FACTS = 16;

    private Questions() {
    }

    /** The questions, and the outcome if every one is answered as stated. */
    record Found(List<Question> questions, Outcome outcomeIfConfirmed) {
    }

    static Optional<Found> find(PolicyRequest request, Decision decision, Function<PolicyRequest, Decision> decide) {
        // Only a REVIEW is held for unknown facts: fail closed makes an unknown a REVIEW, never a
        // DENY, and a DENY rests on facts that are known (answering unknowns cannot lift it).
        if (decision.outcome() != Outcome.REVIEW) {
            return Optional.empty();
        }
        List<Fact> facts = UnknownFacts.of(request, MAX_FACTS);
        if (facts.isEmpty() || facts.size() > MAX_FACTS) {
            return Optional.empty();
        }
        // The same answers are asked about again (the second pass repeats the first while nothing is
        // chosen, the minimal loop repeats sets): each set of answers is decided once, and no
        // answer at all is the decision in hand. A REVIEW no answer lifts (a share of photos whose
        // consent is unknown, say) then costs 2 decisions a fact instead of 4 and one.
        Map<List<Answer>, Outcome> seen = new HashMap<>();
        seen.put(Arrays.asList(new Answer[facts.size()]), decision.outcome());
        Function<Answer[], Outcome> outcome = answers -> seen.computeIfAbsent(Arrays.asList(answers.clone()),
                k -> outcome(request, facts, answers, decide));
        Answer[] chosen = new Answer[facts.size()];
        Outcome confirmed;
        // A question is only listed when some answers lift the REVIEW, and then to ALLOW: the
        // answers each fact's usual permissive side gives are tried first, in one decision (the
        // named facts' alone, then all of them); if they allow, a minimal sufficient subset of them
        // is found by halving (QuickXplain), a few decisions instead of two a fact. Otherwise (a
        // guess was wrong, or nothing lifts it) each fact is tried both ways as below.
        Answer[] guess = new Answer[facts.size()];
        for (int i = 0; i < facts.size(); i++) {
            guess[i] = facts.get(i).permissive();
        }
        // Facts of whatever a REVIEW finding names (an image, a pupil) first. When they alone
        // allow, the search stays among them: the usual single question then costs one decision.
        List<Integer> all = new ArrayList<>();
        List<Integer> named = new ArrayList<>();
        for (int i = 0; i < facts.size(); i++) {
            all.add(i);
            if (namedByReview(decision, facts.get(i))) {
                named.add(i);
            }
        }
        all.sort(java.util.Comparator.comparing(i -> !named.contains(i)));
        boolean byNamed = !named.isEmpty() && named.size() < facts.size() && outcome.apply(only(guess, named)) == Outcome.ALLOW;
        if (byNamed || outcome.apply(guess) == Outcome.ALLOW) {
            Answer[] subset = only(guess, sufficient(List.of(), false, byNamed ? named : all, guess, outcome));
            chosen = outcome.apply(subset) == Outcome.ALLOW ? subset : byNamed ? only(guess, named) : guess;
            confirmed = Outcome.ALLOW;
        } else {
            boolean[] tied = new boolean[facts.size()];
            Arrays.fill(tied, true);
            // Each fact alone; then, with the others that matter set, again only those that made no
            // difference alone: the most permissive answer of each.
            for (int pass = 0; pass < 2; pass++) {
                for (int i = 0; i < facts.size(); i++) {
                    if (!tied[i]) {
                        continue;
                    }
                    Answer[] yes = chosen.clone();
                    yes[i] = Answer.YES;
                    Answer[] no = chosen.clone();
                    no[i] = Answer.NO;
                    int y = outcome.apply(yes).ordinal();
                    int n = outcome.apply(no).ordinal();
                    chosen[i] = y < n ? Answer.YES : n < y ? Answer.NO : chosen[i];
                    tied[i] = y == n;
                }
            }
            confirmed = outcome.apply(chosen);
            if (confirmed.compareTo(decision.outcome()) >= 0) {
                return Optional.empty();
            }
        }
        // Minimal: drop any question the outcome does not need, until none can be dropped.
        for (boolean dropped = true; dropped; ) {
            dropped = false;
            for (int i = 0; i < facts.size(); i++) {
                if (chosen[i] == null) {
                    continue;
                }
                Answer[] without = chosen.clone();
                without[i] = null;
                if (outcome.apply(without) == confirmed) {
                    chosen = without;
                    dropped = true;
                }
            }
        }
        List<Question> out = new ArrayList<>();
        for (int i = 0; i < facts.size(); i++) {
            if (chosen[i] != null) {
                out.add(facts.get(i).question(chosen[i]).withAlternatives(alternatives(facts, chosen, i, guess, confirmed, outcome)));
            }
        }
        return Optional.of(new Found(out, confirmed));
    }

    /**
     * The unlisted facts of the same object as question {@code i} (the same image, the same target
     * post, the account) that settle the decision in its place, as an either-or: an image whose
     * people list is not known complete and which may show pupils is settled by "no pupils in it"
     * or by "the list is complete". Only the same object is searched, and only each fact's
     * permissive guess, so the cost is one decision, and one a fact when that one settles it;
     * QuestionsPropertyTest checks on generated requests (60,000 once, 10,000 in every build) that
     * no unlisted fact, here or elsewhere, either way, settles a REVIEW on its own.
     */
    private static List<Question> alternatives(List<Fact> facts, Answer[] chosen, int i, Answer[] guess, Outcome confirmed,
                                               Function<Answer[], Outcome> outcome) {
        String object = object(facts.get(i).path());
        List<Integer> near = new ArrayList<>();
        Answer[] all = chosen.clone();
        all[i] = null;
        for (int j = 0; j < facts.size(); j++) {
            if (chosen[j] == null && object(facts.get(j).path()).equals(object)) {
                near.add(j);
                all[j] = guess[j];
            }
        }
        List<Question> out = new ArrayList<>();
        // One decision with every such fact at its permissive guess: when even that does not
        // settle it, none of them alone does (answers that are each permissive do not undo each
        // other), and the object's facts cost one decision instead of one each.
        if (near.isEmpty() || outcome.apply(all) != confirmed) {
            return out;
        }
        for (int j : near) {
            Answer[] swapped = chosen.clone();
            swapped[i] = null;
            swapped[j] = guess[j];
            if (outcome.apply(swapped) == confirmed) {
                out.add(facts.get(j).question(guess[j]));
            }
        }
        return out;
    }

    /** The object a fact belongs to: the path's first step, with its index, e.g. {@code $.images[0]}. */
    private static String object(String path) {
        int dot = path.indexOf('.', 2);
        return dot < 0 ? path : path.substring(0, dot);
    }

    /**
     * QuickXplain over the guessed answers: a smallest-by-halving subset of {@code candidates}
     * that, with {@code background}, still allows; {@code changed} says the background grew since
     * it was last known not to allow. Where answers do not combine monotonically the result may not
     * allow, and the caller then keeps every guess; the drop loop makes it minimal either way.
     */
    private static List<Integer> sufficient(List<Integer> background, boolean changed, List<Integer> candidates, Answer[] guess,
                                            Function<Answer[], Outcome> outcome) {
        if (changed && outcome.apply(only(guess, background)) == Outcome.ALLOW) {
            return List.of();
        }
        if (candidates.size() == 1) {
            return candidates;
        }
        List<Integer> first = candidates.subList(0, candidates.size() / 2);
        List<Integer> second = candidates.subList(candidates.size() / 2, candidates.size());
        List<Integer> fromSecond = sufficient(union(background, first), true, second, guess, outcome);
        List<Integer> fromFirst = sufficient(union(background, fromSecond), !fromSecond.isEmpty(), first, guess, outcome);
        return union(fromFirst, fromSecond);
    }

    private static boolean namedByReview(Decision decision, Fact fact) {
        if (fact.ownerId() == null) {
            return false;
        }
        for (org.smpolicy.decision.Finding f : decision.findings()) {
            if (f.outcome() == org.smpolicy.decision.Effect.REVIEW && f.message() != null && f.message().contains(fact.ownerId())) {
                return true;
            }
        }
        return false;
    }

    private static List<Integer> union(List<Integer> a, List<Integer> b) {
        List<Integer> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /** The guessed answers at the given indexes, no answer elsewhere. */
    private static Answer[] only(Answer[] guess, List<Integer> indexes) {
        Answer[] out = new Answer[guess.length];
        for (int i : indexes) {
            out[i] = guess[i];
        }
        return out;
    }

    private static Outcome outcome(PolicyRequest request, List<Fact> facts, Answer[] answers, Function<PolicyRequest, Decision> decide) {
        Object r = request;
        for (int i = 0; i < facts.size(); i++) {
            if (answers[i] != null) {
                r = UnknownFacts.with(r, facts.get(i).steps(), 0, facts.get(i).value(answers[i]));
            }
        }
        return decide.apply((PolicyRequest) r).outcome();
    }
}
