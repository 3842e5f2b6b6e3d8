package org.smpolicy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.smpolicy.decision.Decision;
import org.smpolicy.decision.PolicyImpact;
import org.smpolicy.diagnostic.Diagnostic;
import org.smpolicy.model.Post;
import org.smpolicy.model.PolicyRequest;
import org.smpolicy.model.PublishRequest;
import org.smpolicy.profile.SchoolProfile;

/**
 * What {@code smpolicy check} does with a school's profile, as library calls: hold its rule base to
 * the rules module's invariants and to the baseline by effect, aim generated requests at the words
 * its overlay's conditions name, and list the overlay rules no request fires.
 *
 * <pre>{@code
 * SchoolCheck.Report report = SchoolCheck.validate(profile, Clock.systemUTC(), loader, 2000, 20261125L, false);
 * for (Diagnostic d : report.problems()) {
 *     System.out.println(d.text());
 * }
 * }</pre>
 */
public final class SchoolCheck {

    private static final Pattern WHEN = Pattern.compile("(?s)\\bwhen\\b(.*?)\\bthen\\b");
    private static final Pattern LITERAL = Pattern.compile("\"([^\"\\\\]{1,60})\"");

    private SchoolCheck() {
    }

    /**
     * What checking a school's profile found: {@code smpolicy check} prints it and adds nothing.
     *
     * @param profile           the profile's name
     * @param problems          each kind of problem, as a value; empty when the profile passes
     * @param lines             the problems as text, with {@code verbose} each followed by the
     *                          generated requests that show it, indented
     * @param invariantsChecked whether the rules module offered invariants to hold the profile to
     * @param impact            what the profile changes against the baseline on the generated
     *                          requests and those aimed at its overlay's words (with invariants)
     * @param aimed             how many of those were aimed at the overlay's words
     * @param neverExercised    the overlay rules none of them fired, sorted
     * @param rules             how many rules the school's rule base has
     */
    public record Report(String profile, List<Diagnostic> problems, List<String> lines, boolean invariantsChecked,
                         Optional<PolicyImpact.Report> impact, int aimed, List<String> neverExercised, int rules) {

        /** Copies the lists. */
        public Report {
            problems = List.copyOf(problems);
            lines = List.copyOf(lines);
            neverExercised = List.copyOf(neverExercised);
        }

        /** @return whether the profile passes */
        public boolean clean() {
            return problems.isEmpty();
        }
    }

    /**
     * Everything {@code smpolicy check} does with a profile: build its rule base (every load
     * already holds it to the invariants on generated requests), hold it to the invariants and to
     * the baseline by effect on {@code requests} more, compare it with the baseline on those and on
     * requests aimed at its overlay's words, and list the overlay rules none of them fires.
     *
     * @param profile  the school's profile
     * @param clock    "now" for the decisions
     * @param loader   where the rules module is
     * @param requests how many requests to generate
     * @param seed     the generator's seed
     * @param verbose  whether to list, under each kind of problem, the requests that show it
     * @return what the check found
     * @throws org.smpolicy.diagnostic.PolicyLoadException when the profile's rule base cannot be built at all
     */
    public static Report validate(SchoolProfile profile, java.time.Clock clock, ClassLoader loader, int requests, long seed,
                                  boolean verbose) {
        SocialMediaPolicy school = SocialMediaPolicy.builder().clock(clock).classLoader(loader).profile(profile).build();
        Optional<PolicyInvariants> invariants = PolicyInvariants.on(loader);
        if (invariants.isEmpty()) {
            return new Report(profile.name(), List.of(), List.of(), false, Optional.empty(), 0, List.of(), school.rules().size());
        }
        SocialMediaPolicy baseline = SocialMediaPolicy.builder().clock(clock).classLoader(loader).build();
        // One instant for the whole check, and each request decided once under each rule base:
        // the invariants, the impact and the rules never exercised read the same decisions.
        Instant at = clock.instant();
        Function<PolicyRequest, Decision> underBaseline = once(r -> baseline.decide(r, at));
        Function<PolicyRequest, Decision> underSchool = once(r -> school.decide(r, at));
        List<PolicyRequest> generated = ProfileCheck.generate(invariants.get(), requests, seed);
        ProfileCheck.Found found = new ProfileCheck(underBaseline, underSchool, profile, school.status().asOf(), invariants.get())
                .check(List.copyOf(generated), verbose);
        // The overlay's own words in the posts, so that a rule keyed on a word is exercised.
        List<PolicyRequest> aimed = aimedAtOverlay(profile, generated);
        generated.addAll(aimed);
        PolicyImpact.Report impact = PolicyImpact.compare((r, i) -> underBaseline.apply(r), (r, i) -> underSchool.apply(r), generated, at,
                invariants.get()::protectsAChild);
        return new Report(profile.name(), found.problems(), found.lines(), true, Optional.of(impact), aimed.size(),
                neverExercised(school, generated, underSchool), school.rules().size());
    }

    /** Decides each request once: the same request object asked again gets the decision already made. */
    private static Function<PolicyRequest, Decision> once(Function<PolicyRequest, Decision> decide) {
        Map<PolicyRequest, Decision> seen = new IdentityHashMap<>();
        return r -> {
            Decision d = seen.get(r);
            if (d == null) {
                d = decide.apply(r);
                seen.put(r, d);
            }
            return d;
        };
    }

    /**
     * Requests aimed at a school's overlay rules: each publish request again, with a word the
     * overlay's conditions name (its string literals) added to the post's text, so that a rule keyed
     * on a word is exercised by generated requests that never say it.
     *
     * @param profile  the school's profile
     * @param requests generated requests
     * @return the variants, one per publish request and word; empty when the overlay names no word
     */
    private static List<PolicyRequest> aimedAtOverlay(SchoolProfile profile, List<PolicyRequest> requests) {
        List<String> words = new ArrayList<>();
        for (SchoolProfile.OverlayFile f : profile.overlays()) {
            Matcher m = WHEN.matcher(f.text());
            while (m.find()) {
                Matcher l = LITERAL.matcher(m.group(1));
                while (l.find()) {
                    words.add(l.group(1));
                }
            }
        }
        List<PolicyRequest> out = new ArrayList<>();
        for (PolicyRequest r : requests) {
            if (r instanceof PublishRequest p) {
                for (String word : words) {
                    Post post = p.post();
                    Post saying = new Post(post.id(), (post.text() == null ? "" : post.text() + " ") + word, post.author(),
                            post.namesFederation(), post.affectsFederation(), post.personalViews(), post.disclaimer(), post.flags(),
                            post.seniorLeaderApproved());
                    out.add(new PublishRequest(p.account(), saying, p.images(), p.links(), p.shared(), p.actor()));
                }
            }
        }
        return out;
    }

    /**
     * @param school   a school's policy
     * @param requests the requests a check decided (generated, aimed at the overlay, a corpus)
     * @param at       the decision instant
     * @return the ids of the school's overlay rules that none of them fires, sorted: each needs a
     *         scenario of its own; empty when every one fired
     */
    public static List<String> neverExercised(SocialMediaPolicy school, List<PolicyRequest> requests, Instant at) {
        return neverExercised(school, requests, r -> school.decide(r, at));
    }

    private static List<String> neverExercised(SocialMediaPolicy school, List<PolicyRequest> requests, Function<PolicyRequest, Decision> decide) {
        Set<String> notYet = new TreeSet<>();
        school.rules().stream().filter(r -> !r.source().equals("baseline")).forEach(r -> notYet.add(r.id()));
        for (PolicyRequest r : requests) {
            if (notYet.isEmpty()) {
                break;
            }
            Decision d = decide.apply(r);
            d.findings().forEach(f -> notYet.remove(f.rule()));
            d.obligations().forEach(o -> notYet.remove(o.rule()));
        }
        return List.copyOf(notYet);
    }
}
