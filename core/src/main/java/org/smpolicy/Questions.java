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
 * permissive way: each unknown yes/no fact of the request is tried both ways; those whose answer
 * matters are set to the answer that leads to the most permissive outcome, and the list is then
 * made minimal (no question can be dropped without losing that outcome).
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
        Outcome confirmed = outcome.apply(chosen);
        if (confirmed.compareTo(decision.outcome()) >= 0) {
            return Optional.empty();
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
                Fact f = facts.get(i);
                out.add(new Question(f.path(), f.accessor(), ask(f), chosen[i], FOR_A_PERSON.contains(f.field())));
            }
        }
        return Optional.of(new Found(out, confirmed));
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
        for (RecordComponent rc : value.getClass().getRecordComponents()) {
            Object v = get(rc, value);
            List<Object> s = new ArrayList<>(steps);
            s.add(rc.getName());
            String p = path + "." + rc.getName();
            String a = (accessor.isEmpty() ? "" : accessor + ".") + rc.getName() + "()";
            String owner2 = value.getClass().getSimpleName();
            if (v == Answer.UNKNOWN) {
                out.add(new Fact(s, p, a, rc.getName(), owner2, id, Kind.YES_NO, channel));
            } else if (v instanceof Consent c && c.status() == ConsentStatus.UNKNOWN) {
                out.add(new Fact(s, p, a, rc.getName(), owner2, id, Kind.CONSENT, channel));
            } else if (v == StudentAgeStatus.UNKNOWN && value instanceof Person person && person.dateOfBirth() == null) {
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
        for (String name : List.of("id", "ref", "url", "source")) {
            for (RecordComponent rc : record.getClass().getRecordComponents()) {
                if (rc.getName().equals(name) && rc.getType() == String.class) {
                    return (String) get(rc, record);
                }
            }
        }
        return null;
    }

    private static Object get(RecordComponent rc, Object record) {
        try {
            return rc.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + rc.getName(), e);
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
        RecordComponent[] rcs = value.getClass().getRecordComponents();
        Object[] args = new Object[rcs.length];
        Class<?>[] types = new Class<?>[rcs.length];
        for (int i = 0; i < rcs.length; i++) {
            types[i] = rcs[i].getType();
            args[i] = get(rcs[i], value);
            if (rcs[i].getName().equals(step)) {
                args[i] = with(args[i], steps, at + 1, answer);
            }
        }
        try {
            Constructor<?> c = value.getClass().getDeclaredConstructor(types);
            return c.newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot rebuild " + value.getClass().getSimpleName(), e);
        }
    }

    /** Facts only a person can judge, by looking at the photo or reading the post. */
    static final java.util.Set<String> FOR_A_PERSON = java.util.Set.of("appropriatelyDressed", "subjectToRidicule", "breachesPolicy",
            "appropriate", "safe", "affectsFederation");

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
            case ADULT -> String.format("Is %s 18 or older?", who);
            case YES_NO -> String.format(ASK.getOrDefault(f.field(), "Is `" + f.path() + "` true?"), who);
        };
    }
}
