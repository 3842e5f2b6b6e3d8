package org.smpolicy.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.smpolicy.decision.Decision;
import org.smpolicy.decision.Effect;
import org.smpolicy.decision.Outcome;
import org.smpolicy.model.AccountApplication;
import org.smpolicy.model.Answer;
import org.smpolicy.model.ConsentStatus;
import org.smpolicy.model.Person;
import org.smpolicy.model.PersonRole;
import org.smpolicy.model.PolicyRequest;
import org.smpolicy.model.Runner;
import org.smpolicy.model.SltDecision;
import org.smpolicy.model.StudentAgeStatus;
import org.smpolicy.model.Visibility;
import org.smpolicy.rules.FederationInvariants;

/**
 * Unknown never counts as the harmless answer where a child is protected: replacing any single
 * answer-typed fact of any request (an {@code Answer}, an age status, a consent status) by
 * {@code UNKNOWN}, or removing a list entry's identity, never turns a decision that protects a
 * child ({@code DENY} or {@code REVIEW} citing 11.a-d, 12.b.i-ii or 3.c) into {@code ALLOW}.
 * The facts are found by reflection over the request records, so a field added later is covered
 * without touching this test.
 */
class UnknownFactsPropertyTest {

    static final Set<String> CHILD_CLAUSES = Set.of("11.a", "11.b", "11.c", "11.d", "12.b.i", "12.b.ii", "3.c");

    /** A request of any type, from a seed. */
    static PolicyRequest request(long seed) {
        Random r = new Random(seed);
        if (r.nextInt(6) == 0) {
            List<Runner> runners = new ArrayList<>();
            for (int i = r.nextInt(4); i > 0; i--) {
                runners.add(new Runner("r" + r.nextInt(3), PersonRole.values()[r.nextInt(PersonRole.values().length)], Answer.values()[r.nextInt(3)], Answer.values()[r.nextInt(3)]));
            }
            return new AccountApplication("app", "aim", r.nextBoolean() ? "parents" : null, "newsletter", runners,
                    Visibility.values()[r.nextInt(3)], SltDecision.values()[r.nextInt(3)], r.nextBoolean(),
                    Answer.values()[r.nextInt(3)]);
        }
        return FederationInvariants.request(r);
    }

    /** Every single-fact mutation of a value: each answer-typed fact set to UNKNOWN, each {@code ref} removed. */
    static List<Object> mutations(Object value) {
        List<Object> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                for (Object m : mutations(list.get(i))) {
                    List<Object> copy = new ArrayList<>(list);
                    copy.set(i, m);
                    out.add(copy);
                }
            }
            return out;
        }
        if (value == null || !value.getClass().isRecord()) {
            return out;
        }
        RecordComponent[] components = value.getClass().getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            Object v = get(components[i], value);
            int at = i;
            UnaryOperator<Object> with = nv -> rebuild(value, at, nv);
            if (v instanceof StudentAgeStatus s && s != StudentAgeStatus.UNKNOWN && value instanceof Person p) {
                // A person's age is one fact written two ways (status and birth date): unknown means both absent.
                out.add(new Person(p.ref(), p.role(), StudentAgeStatus.UNKNOWN, null));
            } else if ((v instanceof Answer a && a != Answer.UNKNOWN) || (v instanceof StudentAgeStatus s && s != StudentAgeStatus.UNKNOWN)) {
                out.add(with.apply(v instanceof Answer ? Answer.UNKNOWN : StudentAgeStatus.UNKNOWN));
            } else if (v instanceof java.time.LocalDate && value instanceof Person p && p.ageStatus() == StudentAgeStatus.UNKNOWN) {
                out.add(new Person(p.ref(), p.role(), StudentAgeStatus.UNKNOWN, null));
            } else if (v instanceof ConsentStatus c && c != ConsentStatus.UNKNOWN) {
                out.add(with.apply(ConsentStatus.UNKNOWN));
            } else if (components[i].getName().equals("ref") && v != null && !value.getClass().getSimpleName().equals("Runner")) {
                out.add(with.apply(null));
            } else {
                for (Object m : mutations(v)) {
                    out.add(with.apply(m));
                }
            }
        }
        return out;
    }

    static Object get(RecordComponent c, Object record) {
        try {
            return c.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    static Object rebuild(Object record, int index, Object value) {
        RecordComponent[] components = record.getClass().getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            args[i] = i == index ? value : get(components[i], record);
        }
        try {
            Constructor<?> canonical = record.getClass().getDeclaredConstructor(types);
            return canonical.newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean protectsAChild(Decision d) {
        return d.findings().stream().anyMatch(f -> (f.outcome() == Effect.DENY || f.outcome() == Effect.REVIEW)
                && f.clauses().stream().anyMatch(CHILD_CLAUSES::contains));
    }

    /** The first request from {@code seed} on whose decision protects a child (bounded search). */
    static PolicyRequest childProtecting(long seed, Function<PolicyRequest, Decision> decide) {
        for (long s = seed; s < seed + 500; s++) {
            PolicyRequest r = request(s);
            Decision d = decide.apply(r);
            if (d.outcome() != Outcome.ALLOW && protectsAChild(d)) {
                return r;
            }
        }
        throw new IllegalStateException("no child-protecting request within 500 seeds of " + seed);
    }

    static void unknownNeverAllows(Function<PolicyRequest, Decision> decide) {
        unknownNeverAllows(decide, qt().withExamples(Integer.getInteger("smpolicy.examples", PolicyPropertiesTest.EXAMPLES)));
    }

    static void unknownNeverAllows(Function<PolicyRequest, Decision> decide, org.quicktheories.QuickTheory theory) {
        theory.forAll(longs().between(0, Long.MAX_VALUE / 2), integers().allPositive())
                .check((seed, pick) -> {
                    List<Object> mutations = mutations(childProtecting(seed, decide));
                    if (mutations.isEmpty()) {
                        return true;
                    }
                    PolicyRequest mutated = (PolicyRequest) mutations.get(pick % mutations.size());
                    return decide.apply(mutated).outcome() != Outcome.ALLOW;
                });
    }

    @Test
    void anUnknownFactNeverTurnsAChildProtectingDecisionIntoAllow() {
        unknownNeverAllows(PolicyPropertiesTest.POLICY::decide);
    }

    /**
     * 3.b: out of scope means no in-scope rule applies. A decision never carries the out-of-scope
     * note beside any other finding or obligation. Requests are made out of scope on purpose (a
     * personal account, impact known to be none) so the property is exercised.
     */
    @Test
    void theOutOfScopeNoteNeverStandsBesideAnInScopeFinding() {
        qt().withExamples(PolicyPropertiesTest.EXAMPLES).forAll(Gens.publishRequests()).check(r -> {
            var post = r.post();
            var personal = new org.smpolicy.model.PublishRequest(new org.smpolicy.model.Account(r.account().id(),
                    org.smpolicy.model.AccountType.PERSONAL, r.account().channel(), r.account().sltApproved(), false, r.account().disclaimer(), false),
                    new org.smpolicy.model.Post(post.id(), post.text(), post.author(), false, Answer.NO, post.personalViews(), post.disclaimer(),
                            post.flags(), post.seniorLeaderApproved()), r.images(), r.links(), r.shared());
            Decision d = PolicyPropertiesTest.POLICY.decide(personal);
            boolean note = d.finding("publish.out-of-scope").isPresent();
            return !note || d.findings().size() == 1 && d.obligations().isEmpty();
        });
    }

    @Test
    void everyAnswerTypedFactOfARequestIsMutated() {
        PolicyRequest r = request(7);
        assertThat(mutations(r)).isNotEmpty().allSatisfy(m -> assertThat(m).isNotEqualTo(r));
    }
}
