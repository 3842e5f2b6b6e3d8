package org.smpolicy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.smpolicy.model.PolicyRequest;

/**
 * What a change of rule base would do to real decisions: every request of a corpus decided under
 * both, grouped by outcome transition ({@code ALLOW -> DENY}, ...) and by the rules that appear or
 * disappear, with a few example requests for each group. A trust runs it before shipping a
 * school's overlay; a vendor before upgrading the baseline.
 *
 * <pre>{@code
 * PolicyImpact.Report r = PolicyImpact.compare(baseline, school, requests, Instant.now(), invariants::protectsAChild);
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
     * @param examples up to three of them, by their index in the corpus
     */
    public record Group(int count, List<Integer> examples) {
    }

    /**
     * @param compared                how many requests were decided under both
     * @param unchanged               how many got the same outcome, findings and obligations
     * @param transitions             outcome transitions, {@code "ALLOW -> DENY"} to its group (changed outcomes only)
     * @param rulesAppeared           rules that fire under the new rule base and did not, to their group
     * @param rulesDisappeared        rules that no longer fire, to their group
     * @param childProtectionLoosened how many decisions that protected a child became more permissive
     * @param loosenedExamples        up to three of those, by index
     */
    public record Report(int compared, int unchanged, Map<String, Group> transitions, Map<String, Group> rulesAppeared,
                         Map<String, Group> rulesDisappeared, int childProtectionLoosened, List<Integer> loosenedExamples) {
    }

    /**
     * @param from           the rule base in use
     * @param to             the rule base proposed
     * @param corpus         the requests
     * @param at             the decision instant for both
     * @param protectsAChild whether a decision of {@code from} protects a child (the policy's invariants say)
     * @return the report
     */
    public static Report compare(SocialMediaPolicy from, SocialMediaPolicy to, List<PolicyRequest> corpus, Instant at,
                                 Predicate<Decision> protectsAChild) {
        Objects.requireNonNull(at, "at");
        Map<String, List<Integer>> transitions = new TreeMap<>();
        Map<String, List<Integer>> appeared = new TreeMap<>();
        Map<String, List<Integer>> disappeared = new TreeMap<>();
        List<Integer> loosened = new ArrayList<>();
        int unchanged = 0;
        for (int i = 0; i < corpus.size(); i++) {
            Decision a = from.decide(corpus.get(i), at);
            Decision b = to.decide(corpus.get(i), at);
            if (a.sameAs(b)) {
                unchanged++;
                continue;
            }
            if (a.outcome() != b.outcome()) {
                transitions.computeIfAbsent(a.outcome() + " -> " + b.outcome(), k -> new ArrayList<>()).add(i);
                if (b.outcome().compareTo(a.outcome()) < 0 && protectsAChild.test(a)) {
                    loosened.add(i);
                }
            }
            Set<String> ra = rules(a);
            Set<String> rb = rules(b);
            for (String r : rb) {
                if (!ra.contains(r)) {
                    appeared.computeIfAbsent(r, k -> new ArrayList<>()).add(i);
                }
            }
            for (String r : ra) {
                if (!rb.contains(r)) {
                    disappeared.computeIfAbsent(r, k -> new ArrayList<>()).add(i);
                }
            }
        }
        return new Report(corpus.size(), unchanged, groups(transitions), groups(appeared), groups(disappeared), loosened.size(),
                List.copyOf(loosened.subList(0, Math.min(EXAMPLES, loosened.size()))));
    }

    private static Set<String> rules(Decision d) {
        Set<String> out = new TreeSet<>();
        d.findings().forEach(f -> out.add(f.rule()));
        d.obligations().forEach(o -> out.add(o.rule()));
        return out;
    }

    private static Map<String, Group> groups(Map<String, List<Integer>> m) {
        Map<String, Group> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(k, new Group(v.size(), List.copyOf(v.subList(0, Math.min(EXAMPLES, v.size()))))));
        return out;
    }
}
