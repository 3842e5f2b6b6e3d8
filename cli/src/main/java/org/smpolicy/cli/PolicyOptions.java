package org.smpolicy.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.smpolicy.SocialMediaPolicy;
import picocli.CommandLine.Option;

/** Options shared by the commands that build a policy. */
final class PolicyOptions {

    @Option(names = "--now", paramLabel = "INSTANT",
            description = "decide as if it were this moment (ISO-8601 with offset, e.g. 2026-11-25T10:00:00Z); default: the system clock")
    Instant now;

    @Option(names = "--school", paramLabel = "DIR",
            description = "a school profile directory (profile.json and optional *.drl overlays); default: the baseline policy")
    Path school;

    Clock clock() {
        return now == null ? Clock.systemUTC() : Clock.fixed(now, ZoneOffset.UTC);
    }

    SocialMediaPolicy build() {
        return build(clock());
    }

    SocialMediaPolicy build(Clock clock) {
        SocialMediaPolicy.Builder b = SocialMediaPolicy.builder().clock(clock);
        if (school != null) {
            b.profile(school);
        }
        return b.build();
    }
}
