package org.smpolicy;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.smpolicy.decision.Question;
import org.smpolicy.model.Answer;
import org.smpolicy.model.Channel;
import org.smpolicy.model.Consent;
import org.smpolicy.model.ConsentStatus;
import org.smpolicy.model.EngagementRequest;
import org.smpolicy.model.Person;
import org.smpolicy.model.PersonRole;
import org.smpolicy.model.PolicyRequest;
import org.smpolicy.model.PublishRequest;
import org.smpolicy.model.StudentAgeStatus;

/**
 * The unknown facts of a request, found by walking its records: a yes/no answer left
 * {@code UNKNOWN}, a consent with no status on record, an age status with no birth date. Each knows
 * its JSON path and Java accessor, how to ask for it in words, the answer that usually lifts a
 * REVIEW, and what the request holds once it is answered; {@link Questions} searches which
 * answers settle a decision.
 */
final class UnknownFacts {

    private UnknownFacts() {
    }

    /** One unknown fact: where it is, as a path of record components and list indexes. */
    record Fact(List<Object> steps, String path, String accessor, String field, String owner, String ownerId, Kind kind,
                        Channel channel) {

        /** @return the answer that usually lifts a REVIEW: a guess that saves decisions, never trusted */
        Answer permissive() {
            return kind == Kind.YES_NO && PERMISSIVE_NO.contains(field) ? Answer.NO : Answer.YES;
        }

        /** @return the question that asks for this fact, with the answer that settles it */
        Question question(Answer answer) {
            return new Question(path, accessor, ask(this), answer, FOR_A_PERSON.contains(field));
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
    enum Kind { YES_NO, CONSENT, ADULT }

    /**
     * @param request a request
     * @param max     the most facts worth finding: past it, the list stops growing (one over)
     * @return its unknown facts, in the order of its record components and lists
     */
    static List<Fact> of(PolicyRequest request, int max) {
        List<Fact> facts = new ArrayList<>();
        collect(request, new ArrayList<>(), "$", "", null, null, facts, 0, channelOf(request), max);
        return facts;
    }

    private static void collect(Object value, List<Object> steps, String path, String accessor, String owner, String ownerId,
                                List<Fact> out, int depth, Channel channel, int max) {
        if (value == null || depth > 6 || out.size() > max) {
            return;
        }
        if (value instanceof Collection<?> c) {
            int i = 0;
            for (Object e : c) {
                List<Object> s = new ArrayList<>(steps);
                s.add(i);
                collect(e, s, path + "[" + i + "]", accessor + ".get(" + i + ")", owner, ownerId, out, depth + 1, channel, max);
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
            } else if (v == StudentAgeStatus.UNKNOWN) {
                // An age status with no birth date to compute it from: a person's, a depicted
                // person's, a contact's recipient, a message's sender; never a current pupil's,
                // who is a child whatever the data says (docs/decisions.md).
                if (!(value instanceof Person person && person.dateOfBirth() != null) && roleOf(shape, value, rc.getName()) != PersonRole.STUDENT) {
                    out.add(new Fact(s, p, a, rc.getName(), owner2, id, Kind.ADULT, channel));
                }
            } else if (v instanceof Collection<?> || v != null && v.getClass().isRecord()) {
                collect(v, s, p, a, owner2, id, out, depth + 1, channel, max);
            }
        }
    }

    /** The role beside an age status: {@code role} for {@code ageStatus}, {@code recipientRole} for {@code recipientAgeStatus}. */
    private static Object roleOf(Shape shape, Object record, String ageField) {
        String role = ageField.equals("ageStatus") ? "role" : ageField.replace("AgeStatus", "Role");
        for (int k = 0; k < shape.components().length; k++) {
            if (shape.components()[k].getName().equals(role)) {
                return shape.get(k, record);
            }
        }
        return null;
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
    static Object with(Object value, List<Object> steps, int at, Object answer) {
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
