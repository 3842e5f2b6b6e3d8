package org.smpolicy.decision;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import org.smpolicy.model.PolicyRequest;

/**
 * What a change of rule base would do to real decisions: every request of a corpus decided under
 * both, grouped by outcome transition ({@code ALLOW -> DENY}, ...) and by the rules that appear or
 * disappear, with a few example requests for each group. A trust runs it before shipping a
 * school's overlay; a vendor before upgrading the baseline.
 *
 * <pre>{@code
 * PolicyImpact.Report r = PolicyImpact.compare(baseline::decide, school::decide, requests, Instant.now(), invariants::protectsAChild);
 * if (r.childProtectionLoosened() > 0) { ... }
 * }</pre>
 */
public final class PolicyImpact {

    /** Example requests kept per group. */
    static final int EXAMPLES = 3;

    private PolicyImpact() {
    }

    /**
     * A group of changed decisions.
     *
     * @param count    how many requests fall in it
     * @param examples up to three of them, the first by their index in the corpus
     */
    public record Group(long count, List<Long> examples) {
        /** Copies. */
        public Group {
            examples = List.copyOf(examples);
        }
    }

    /**
     * @param compared                how many requests were decided under both
     * @param unchanged               how many got the same outcome, findings and obligations
     * @param transitions             outcome transitions, {@code "ALLOW -> DENY"} to its group (changed outcomes only)
     * @param rulesAppeared           rules that fire under the new rule base and did not, to their group
     * @param rulesDisappeared        rules that no longer fire, to their group
     * @param rulesChanged            rules that fire under both but say something else (a deadline a
     *                                closure day moves, a message, a remedy), to their group
     * @param clausesAppeared         clauses cited under the new rule base and not before, to their group
     * @param clausesDisappeared      clauses no longer cited, to their group
     * @param childProtectionLoosened how many decisions that protected a child became more permissive
     * @param loosenedExamples        up to three of those, the first by index
     */
    public record Report(long compared, long unchanged, Map<String, Group> transitions, Map<String, Group> rulesAppeared,
                         Map<String, Group> rulesDisappeared, Map<String, Group> rulesChanged, Map<String, Group> clausesAppeared,
                         Map<String, Group> clausesDisappeared, long childProtectionLoosened, List<Long> loosenedExamples) {
    }

    /**
     * @param from           decides under the rule base in use ({@code SocialMediaPolicy::decide})
     * @param to             decides under the rule base proposed
     * @param corpus         the requests
     * @param at             the decision instant for both
     * @param protectsAChild whether a decision of {@code from} protects a child (the policy's invariants say)
     * @return the report
     */
    public static Report compare(BiFunction<PolicyRequest, Instant, Decision> from, BiFunction<PolicyRequest, Instant, Decision> to,
                                 List<PolicyRequest> corpus, Instant at,
                                 Predicate<Decision> protectsAChild) {
        Objects.requireNonNull(at, "at");
        Tally t = new Tally();
        for (int i = 0; i < corpus.size(); i++) {
            t.add(i, from.apply(corpus.get(i), at), to.apply(corpus.get(i), at), protectsAChild);
        }
        return t.report();
    }

    /**
     * The comparison in parts, for a corpus decided in pieces (on several threads or machines):
     * each piece adds its pairs of decisions to a tally of its own, and the tallies merge. The
     * merged report is the one {@link #compare} gives on the whole corpus, whatever the pieces.
     * Serializable, so that a distributed job can ship it.
     */
    public static final class Tally implements Serializable {
        private static final long serialVersionUID = 1L;

        private long compared;
        private long unchanged;
        private final TreeMap<String, Acc> transitions = new TreeMap<>();
        private final TreeMap<String, Acc> appeared = new TreeMap<>();
        private final TreeMap<String, Acc> disappeared = new TreeMap<>();
        private final TreeMap<String, Acc> changed = new TreeMap<>();
        private final TreeMap<String, Acc> clausesIn = new TreeMap<>();
        private final TreeMap<String, Acc> clausesOut = new TreeMap<>();
        private final Acc loosened = new Acc();

        /**
         * @param index          the request's index in the corpus (its line number, say)
         * @param a              its decision under the rule base in use
         * @param b              its decision under the rule base proposed
         * @param protectsAChild whether a decision of the rule base in use protects a child
         * @return this tally
         */
        public Tally add(long index, Decision a, Decision b, Predicate<Decision> protectsAChild) {
            compared++;
            if (a.sameAs(b)) {
                unchanged++;
                return this;
            }
            if (a.outcome() != b.outcome()) {
                transitions.computeIfAbsent(a.outcome() + " -> " + b.outcome(), k -> new Acc()).add(index);
                if (b.outcome().compareTo(a.outcome()) < 0 && protectsAChild.test(a)) {
                    loosened.add(index);
                }
            }
            Map<String, List<Object>> ra = results(a);
            Map<String, List<Object>> rb = results(b);
            difference(rb.keySet(), ra.keySet(), appeared, index);
            difference(ra.keySet(), rb.keySet(), disappeared, index);
            for (Map.Entry<String, List<Object>> e : ra.entrySet()) {
                List<Object> then = rb.get(e.getKey());
                if (then != null && !then.equals(e.getValue())) {
                    changed.computeIfAbsent(e.getKey(), k -> new Acc()).add(index);
                }
            }
            difference(clauses(b), clauses(a), clausesIn, index);
            difference(clauses(a), clauses(b), clausesOut, index);
            return this;
        }

        /**
         * @param other another tally, of other requests
         * @return this tally, holding both
         */
        public Tally merge(Tally other) {
            compared += other.compared;
            unchanged += other.unchanged;
            merge(transitions, other.transitions);
            merge(appeared, other.appeared);
            merge(disappeared, other.disappeared);
            merge(changed, other.changed);
            merge(clausesIn, other.clausesIn);
            merge(clausesOut, other.clausesOut);
            loosened.merge(other.loosened);
            return this;
        }

        private static void merge(Map<String, Acc> into, Map<String, Acc> from) {
            from.forEach((k, v) -> into.computeIfAbsent(k, x -> new Acc()).merge(v));
        }

        /** @return the report so far */
        public Report report() {
            return new Report(compared, unchanged, groups(transitions), groups(appeared), groups(disappeared), groups(changed),
                    groups(clausesIn), groups(clausesOut), loosened.count, List.copyOf(loosened.examples));
        }

        private static Map<String, Group> groups(Map<String, Acc> m) {
            Map<String, Group> out = new TreeMap<>();
            m.forEach((k, v) -> out.put(k, new Group(v.count, List.copyOf(v.examples))));
            return out;
        }
    }

    /** A count and the smallest indexes counted, so that merging in any order gives the same examples. */
    private static final class Acc implements Serializable {
        private static final long serialVersionUID = 1L;
        long count;
        final TreeSet<Long> examples = new TreeSet<>();

        void add(long index) {
            count++;
            keep(index);
        }

        void merge(Acc other) {
            count += other.count;
            other.examples.forEach(this::keep);
        }

        private void keep(long index) {
            examples.add(index);
            if (examples.size() > EXAMPLES) {
                examples.pollLast();
            }
        }
    }

    private static void difference(Set<String> these, Set<String> notThose, Map<String, Acc> into, long index) {
        for (String k : these) {
            if (!notThose.contains(k)) {
                into.computeIfAbsent(k, x -> new Acc()).add(index);
            }
        }
    }

    /** Each rule that fired, with what it said (its findings and obligations, in decision order). */
    private static Map<String, List<Object>> results(Decision d) {
        Map<String, List<Object>> out = new TreeMap<>();
        d.findings().forEach(f -> out.computeIfAbsent(f.rule(), k -> new ArrayList<>()).add(f));
        d.obligations().forEach(o -> out.computeIfAbsent(o.rule(), k -> new ArrayList<>()).add(o));
        return out;
    }

    private static Set<String> clauses(Decision d) {
        Set<String> out = new TreeSet<>();
        d.findings().forEach(f -> out.addAll(f.clauses()));
        d.obligations().forEach(o -> out.addAll(o.clauses()));
        return out;
    }
}
