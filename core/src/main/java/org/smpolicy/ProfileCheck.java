package org.smpolicy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.smpolicy.decision.Decision;
import org.smpolicy.decision.Effect;
import org.smpolicy.decision.Finding;
import org.smpolicy.decision.Outcome;
import org.smpolicy.diagnostic.Diagnostic;
import org.smpolicy.json.JsonCodec;
import org.smpolicy.model.PolicyRequest;
import org.smpolicy.profile.SchoolProfile;

/**
 * Holds a school's rule base against the baseline on generated requests: the policy's
 * invariants ({@link PolicyInvariants}, offered by its rules module) must hold whatever the
 * profile says, and wherever the profile is more permissive than the baseline, a declared
 * relaxation must account for it.
 */
final class ProfileCheck {

    private final Function<PolicyRequest, Decision> baseline;
    private final Function<PolicyRequest, Decision> school;
    private final SchoolProfile profile;
    private final LocalDate today;
    private final PolicyInvariants invariants;
    private final JsonCodec json = JsonCodec.strict();

    /**
     * @param baseline decides a request under the baseline
     * @param school   decides a request under the profile, at the same instant
     * @param profile  the profile, for its declared relaxations and messages
     * @param today    the decision date, for ages
     * @param invariants the policy's invariants and request generator
     */
    ProfileCheck(Function<PolicyRequest, Decision> baseline, Function<PolicyRequest, Decision> school,
                        SchoolProfile profile, LocalDate today, PolicyInvariants invariants) {
        this.baseline = baseline;
        this.school = school;
        this.profile = profile;
        this.today = today;
        this.invariants = java.util.Objects.requireNonNull(invariants, "invariants");
    }

    /** Most requests listed under one kind of problem with {@code verbose}. */
    static final int MAX_LISTED = 50;

    /**
     * What a check found: each kind of problem as a value, and the lines {@code smpolicy check} prints
     * (each problem's text, with verbose the requests that show it indented under it).
     */
    record Found(List<Diagnostic> problems, List<String> lines) {
    }

    /**
     * @param invariants the rules module's invariants, which generate the requests
     * @param count      how many
     * @param seed       the generator's seed (the same seed gives the same requests)
     * @return the generated requests, in a list the caller may add to
     */
    static List<PolicyRequest> generate(PolicyInvariants invariants, int count, long seed) {
        Random random = new Random(seed);
        List<PolicyRequest> requests = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            requests.add(invariants.generate(random));
        }
        return requests;
    }

    Found check(int count, long seed, boolean verbose) {
        return check(generate(invariants, count, seed), verbose);
    }

    Found check(List<PolicyRequest> requests, boolean verbose) {
        int count = requests.size();
        // One line per kind of problem, with how often it happened and the smallest example: a
        // trust reads eight 900-character requests for one failure otherwise.
        java.util.Map<String, Group> groups = new java.util.LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            String found = problem(requests.get(i));
            if (found != null) {
                note(groups, found, i, requests.get(i));
            }
        }
        List<Diagnostic> problems = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        groups.forEach((what, g) -> {
            Diagnostic d = profile.problem("name", what + " on " + g.count + " of " + count
                    + " generated requests; the smallest is request " + g.index + ": " + g.example, null);
            problems.add(d);
            lines.add(d.text());
            if (verbose) {
                lines.addAll(g.all);
            }
        });
        return new Found(List.copyOf(problems), List.copyOf(lines));
    }

    /** What is wrong with one generated request under the profile, or null. */
    private String problem(PolicyRequest request) {
        Decision b = baseline.apply(request);
        Decision s = school.apply(request);
        String invariant = s.outcome() == Outcome.ALLOW ? invariants.broken(request, s, today).orElse(null) : null;
        if (invariant != null) {
            return "child-protection invariant broken: " + invariant + " was " + s.outcome();
        }
        if (s.outcome().compareTo(b.outcome()) >= 0) {
            return null;
        }
        // The baseline's DENY and REVIEW findings the profile no longer has.
        Set<String> lost = b.findings().stream()
                .filter(f -> f.outcome() == Effect.DENY || f.outcome() == Effect.REVIEW)
                .filter(f -> s.findings().stream().noneMatch(g -> g.rule().equals(f.rule())))
                .map(Finding::rule)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        if (invariants.protectsAChild(b)) {
            // Judged by effect: "under no circumstances" and "must not" are not a school's to
            // relax, so no declaration makes this acceptable.
            return "a decision that protects a child under the baseline (" + b.outcome() + ") is " + s.outcome()
                    + " under the profile" + (lost.isEmpty() ? "" : ", without " + lost)
                    + "; a profile may not relax what protects a child, declared or not";
        }
        Set<String> undeclared = lost.stream()
                .filter(rule -> !profile.relaxations().containsKey(rule))
                .filter(rule -> profile.relaxations().keySet().stream().noneMatch(p -> invariants.relaxedBy(rule, p)))
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        if (!undeclared.isEmpty()) {
            return "a decision is " + s.outcome() + " under the profile but " + b.outcome()
                    + " under the baseline, and no relaxation declares " + undeclared;
        }
        return null;
    }

    private static final class Group {
        long count;
        int index;
        String example;
        final List<String> all = new ArrayList<>();
    }

    private void note(java.util.Map<String, Group> groups, String what, int index, PolicyRequest request) {
        Group g = groups.computeIfAbsent(what, k -> new Group());
        g.count++;
        String json = this.json.writeRequest(request);
        if (g.all.size() < MAX_LISTED) {
            g.all.add("  request " + index + ": " + json);
        }
        if (g.example == null || json.length() < g.example.length()) {
            g.example = json;
            g.index = index;
        }
    }

}
