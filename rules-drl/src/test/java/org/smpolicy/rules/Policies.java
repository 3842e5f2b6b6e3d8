package org.smpolicy.rules;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;
import org.smpolicy.SocialMediaPolicy;
import org.smpolicy.testkit.ScenarioRunner;

/** The shared policy for rule tests: built once, as a host would; other instants through {@code decide(request, at)}. */
public final class Policies {

    /** The instant most tests decide at: Wednesday 25 November 2026, 10:00 in London. */
    public static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    private static final Map<Instant, SocialMediaPolicy> CACHE = new ConcurrentHashMap<>();

    /** One scenario runner for all rule tests, so coverage adds up across test classes. */
    public static final ScenarioRunner RUNNER = ScenarioRunner.of(baseline());

    private Policies() {
    }

    /** @return the baseline policy deciding at {@link #NOW} */
    public static SocialMediaPolicy baseline() {
        return at(NOW);
    }

    // One policy per rule base: a test that needs another instant calls decide(request, at).
    private static SocialMediaPolicy at(Instant now) {
        return CACHE.computeIfAbsent(now, n -> SocialMediaPolicy.builder().clock(Clock.fixed(n, ZoneOffset.UTC)).build());
    }
}
