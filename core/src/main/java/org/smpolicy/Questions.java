package org.smpolicy;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.smpolicy.decision.Decision;
import org.smpolicy.decision.Outcome;
import org.smpolicy.decision.Question;
import org.smpolicy.model.Answer;
import org.smpolicy.model.Channel;
import org.smpolicy.model.Consent;
import org.smpolicy.model.ConsentStatus;
import org.smpolicy.model.EngagementRequest;
import org.smpolicy.model.Person;
import org.smpolicy.model.PolicyRequest;
import org.smpolicy.model.PublishRequest;
import org.smpolicy.model.StudentAgeStatus;

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

    /** One unknown fact: where it is, as a path of record components and list indexes. */
    private record Fact(List<Object> steps, String path, String accessor, String field, String owner, String ownerId, Kind kind,
                        Channel channel) {

        /** @return the answer that usually lifts a REVIEW: a guess that saves decisions, never trusted */
        Answer permissive() {
            return kind == Kind.YES_NO && PERMISSIVE_NO.contains(field) ? Answer.NO : Answer.YES;
        }

        /** @return what the request holds at the fact's path when the answer is yes or no */
        Object value(Answer answer) {
            boolean yes = answer == Answer.YES;
            return switch (kind) {
                case YES_NO -> answer;
                // Consent on record covering the request's channel, or refused: the two a school's records hold.
                case CONSENT -> yes ? new Consent(ConsentStatus.GRANTED, Set.of(channel), null, null)
                        : new Consent(ConsentStatus.REFUSED, Set.of(), null, null);
                case ADULT -> yes ? StudentAgeStatus.ADULT : StudentAgeStatus.UNDER_18;
            };
        }
    }

    /**
     * The kinds of unknown fact a question can settle: a yes/no answer; a consent with no status on
     * record (yes: granted for the request's channel; no: refused); an age status with no birth
     * date (yes: 18 or older; no: under 18). docs/json.md says how to write each answer.
     */
    private enum Kind { YES_NO, CONSENT, ADULT }

    static Optional<Found> find(PolicyRequest request, Decision decision, Function<PolicyRequest, Decision> decide) {
        // Only a REVIEW is held for unknown facts: fail closed makes an unknown a REVIEW, never a
        // DENY, and a DENY rests on facts that are known (answering unknowns cannot lift it).
        if (decision.outcome() != Outcome.REVIEW) {
            return Optional.empty();
        }
        List<Fact> facts = new ArrayList<>();
        collect(request, new ArrayList<>(), "$", "", null, null, facts, 0, channelOf(request));
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
        // answers each fact's usual permissive side gives are tried first, in one decision; if
        // they allow, a minimal sufficient subset of them is found by halving (QuickXplain), a
        // few decisions instead of two a fact. Otherwise (a guess was wrong, or nothing lifts it)
        // each fact is tried both ways as below.
        Answer[] guess = new Answer[facts.size()];
        for (int i = 0; i < facts.size(); i++) {
            guess[i] = facts.get(i).permissive();
        }
        if (outcome.apply(guess) == Outcome.ALLOW) {
            // Facts of whatever a REVIEW finding names (an image, a pupil) first: halving then
            // settles the usual single question in two or three decisions.
            List<Integer> all = new ArrayList<>();
            for (int i = 0; i < facts.size(); i++) {
                all.add(i);
            }
            all.sort(java.util.Comparator.comparing(i -> !namedByReview(decision, facts.get(i))));
            Answer[] subset = only(guess, sufficient(List.of(), false, all, guess, outcome));
            chosen = outcome.apply(subset) == Outcome.ALLOW ? subset : guess;
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
                out.add(question(facts.get(i), chosen[i]).withAlternatives(alternatives(facts, chosen, i, guess, confirmed, outcome)));
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
                out.add(question(facts.get(j), guess[j]));
            }
        }
        return out;
    }

    /** The object a fact belongs to: the path's first step, with its index, e.g. {@code $.images[0]}. */
    private static String object(String path) {
        int dot = path.indexOf('.', 2);
        return dot < 0 ? path : path.substring(0, dot);
    }

    private static Question question(Fact f, Answer answer) {
        return new Question(f.path(), f.accessor(), ask(f), answer, FOR_A_PERSON.contains(f.field()));
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
                r = with(r, facts.get(i).steps(), 0, facts.get(i).value(answers[i]));
            }
        }
        return decide.apply((PolicyRequest) r).outcome();
    }

    private static void collect(Object value, List<Object> steps, String path, String accessor, String owner, String ownerId,
                                List<Fact> out, int depth, Channel channel) {
        if (value == null || depth > 6 || out.size() > MAX_FACTS) {
            return;
        }
        if (value instanceof Collection<?> c) {
            int i = 0;
            for (Object e : c) {
                List<Object> s = new ArrayList<>(steps);
                s.add(i);
                collect(e, s, path + "[" + i + "]", accessor + ".get(" + i + ")", owner, ownerId, out, depth + 1, channel);
                i++;
            }
            return;
        }
        if (!value.getClass().isRecord()) {
            return;
        }
        String id = idOf(value);
        Shape shape = Shape.OF.get(value.getClass());
        for (int k = 0; k < shape.components().length; k++) {
            RecordComponent rc = shape.components()[k];
            Object v = shape.get(k, value);
            List<Object> s = new ArrayList<>(steps);
            s.add(rc.getName());
            String p = path + "." + rc.getName();
            String a = (accessor.isEmpty() ? "" : accessor + ".") + rc.getName() + "()";
            String owner2 = value.getClass().getSimpleName();
            if (v == Answer.UNKNOWN) {
                out.add(new Fact(s, p, a, rc.getName(), owner2, id, Kind.YES_NO, channel));
            } else if (v instanceof Consent c && c.status() == ConsentStatus.UNKNOWN) {
                out.add(new Fact(s, p, a, rc.getName(), owner2, id, Kind.CONSENT, channel));
            } else if (v == StudentAgeStatus.UNKNOWN && !(value instanceof Person person && person.dateOfBirth() != null)) {
                // An age status with no birth date to compute it from: a person's, a depicted
                // person's, a contact's recipient, a message's sender.
                out.add(new Fact(s, p, a, rc.getName(), owner2, id, Kind.ADULT, channel));
            } else if (v instanceof Collection<?> || v != null && v.getClass().isRecord()) {
                collect(v, s, p, a, owner2, id, out, depth + 1, channel);
            }
        }
    }

    /** The channel a consent must cover for this request: its account's. */
    private static Channel channelOf(PolicyRequest request) {
        if (request instanceof PublishRequest p) {
            return p.account().channel();
        }
        if (request instanceof EngagementRequest e) {
            return e.account().channel();
        }
        return Channel.SOCIAL_MEDIA;
    }

    private static String idOf(Object record) {
        Shape shape = Shape.OF.get(record.getClass());
        for (String name : List.of("id", "ref", "url", "source")) {
            for (int k = 0; k < shape.components().length; k++) {
                RecordComponent rc = shape.components()[k];
                if (rc.getName().equals(name) && rc.getType() == String.class) {
                    return (String) shape.get(k, record);
                }
            }
        }
        return null;
    }

    /** A record type's components and canonical constructor, looked up once per type. */
    private record Shape(RecordComponent[] components, java.lang.invoke.MethodHandle[] accessors, java.lang.invoke.MethodHandle constructor) {
        static final ClassValue<Shape> OF = new ClassValue<>() {
            @Override
            protected Shape computeValue(Class<?> type) {
                RecordComponent[] rcs = type.getRecordComponents();
                java.lang.invoke.MethodHandle[] accessors = new java.lang.invoke.MethodHandle[rcs.length];
                Class<?>[] types = new Class<?>[rcs.length];
                java.lang.invoke.MethodHandles.Lookup lookup = java.lang.invoke.MethodHandles.publicLookup();
                try {
                    for (int i = 0; i < rcs.length; i++) {
                        accessors[i] = lookup.unreflect(rcs[i].getAccessor());
                        types[i] = rcs[i].getType();
                    }
                    Constructor<?> c = type.getDeclaredConstructor(types);
                    return new Shape(rcs, accessors, lookup.unreflectConstructor(c));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read record " + type.getSimpleName(), e);
                }
            }
        };

        Object get(int i, Object record) {
            try {
                return accessors[i].invoke(record);
            } catch (Throwable e) {
                throw new IllegalStateException("cannot read " + components[i].getName(), e);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Object with(Object value, List<Object> steps, int at, Object answer) {
        if (at == steps.size()) {
            return answer;
        }
        Object step = steps.get(at);
        if (step instanceof Integer index) {
            List<Object> list = new ArrayList<>((List<Object>) value);
            list.set(index, with(list.get(index), steps, at + 1, answer));
            return List.copyOf(list);
        }
        Shape shape = Shape.OF.get(value.getClass());
        Object[] args = new Object[shape.components().length];
        for (int i = 0; i < args.length; i++) {
            args[i] = shape.get(i, value);
            if (shape.components()[i].getName().equals(step)) {
                args[i] = with(args[i], steps, at + 1, answer);
            }
        }
        try {
            return shape.constructor().invokeWithArguments(args);
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("cannot rebuild " + value.getClass().getSimpleName(), e);
        }
    }

    /** Facts only a person can judge, by looking at the photo or reading the post. */
    static final java.util.Set<String> FOR_A_PERSON = java.util.Set.of("appropriatelyDressed", "subjectToRidicule", "breachesPolicy",
            "appropriate", "safe", "affectsFederation");

    /** Yes/no facts whose "no" is usually the permissive side (a guess, see {@link Fact#permissive()}). */
    private static final java.util.Set<String> PERMISSIVE_NO = java.util.Set.of("showsStudents", "subjectToRidicule", "breachesPolicy",
            "affectsFederation", "pupilInvolved", "published");

    private static final Map<String, String> ASK = Map.ofEntries(
            Map.entry("sltApproved", "Has the SLT approved account %s?"),
            Map.entry("peopleComplete", "Does the people list name everyone who can be seen in image %s?"),
            Map.entry("showsStudents", "Can a pupil be seen in %s?"),
            Map.entry("appropriatelyDressed", "Is everyone in image %s appropriately dressed? (a person must look at it)"),
            Map.entry("subjectToRidicule", "Could image %s expose a pupil to ridicule? (a person must look at it)"),
            Map.entry("readPolicy", "Has %s read and understood this policy?"),
            Map.entry("trained", "Has %s received the training?"),
            Map.entry("namedRunner", "Is %s a named runner of the account?"),
            Map.entry("seniorLeaderApproved", "Has a senior leader approved post %s?"),
            Map.entry("affectsFederation", "Could post %s affect the Federation's standards or reputation? (a person must judge)"),
            Map.entry("permission", "Does the author allow %s to be shared?"),
            Map.entry("safe", "Is the site behind link %s safe? (a person must check it)"),
            Map.entry("appropriate", "Is the site behind link %s appropriate for every audience? (a person must check it)"),
            Map.entry("breachesPolicy", "Does post %s itself breach the policy? (a person must judge)"),
            Map.entry("federationBusiness", "Is this about Federation business?"),
            Map.entry("credentialsStoredSecurely", "Are the account's details and passwords stored securely?"),
            Map.entry("pupilInvolved", "Is a pupil depicted in or involved in %s?"),
            Map.entry("published", "Was %s published anywhere?"));

    private static String ask(Fact f) {
        String who = f.ownerId() != null ? "`" + f.ownerId() + "`"
                : f.owner() != null && f.owner().equals("Actor") ? "the person acting" : "it";
        return switch (f.kind()) {
            case CONSENT -> String.format("Has %s given photo and video consent that covers %s? (the school's consent record)", who,
                    f.channel().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
            case ADULT -> String.format("Is %s 18 or older?", f.ownerId() != null ? who
                    : f.field().startsWith("recipient") ? "the recipient" : f.field().startsWith("sender") ? "the sender" : who);
            case YES_NO -> String.format(ASK.getOrDefault(f.field(), "Is `" + f.path() + "` true?"), who);
        };
    }
}
