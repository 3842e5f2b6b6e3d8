package org.smpolicy.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.smpolicy.SocialMediaPolicy;
import picocli.CommandLine.Option;

/** Options shared by the commands that build a policy. */
final class PolicyOptions {

    /** The command these options belong to, so that an error names it ({@code smpolicy decide: ...}). */
    @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE)
    picocli.CommandLine.Model.CommandSpec command;

    @Option(names = "--now", paramLabel = "INSTANT", converter = PolicyOptions.InstantConverter.class,
            description = "decide as if it were this moment (ISO-8601 with offset, e.g. 2026-11-25T10:00:00Z); default: the system clock")
    Instant now;

    @Option(names = "--school", paramLabel = "DIR",
            description = "a school profile directory (profile.json and optional *.drl overlays); default: the baseline policy")
    Path school;

    @Option(names = "--holidays", paramLabel = "FILE",
            description = "the official bank holiday feed (england-and-wales JSON); replaces the computed holidays for the years it covers")
    Path holidays;

    @Option(names = "--decision-log", paramLabel = "FILE",
            description = "append every decision to FILE as a JSON line (ids, outcome, rules, clauses; no personal data)")
    Path decisionLog;

    /** Reads {@code --now} and says what it wants when the value is not an instant. */
    static final class InstantConverter implements picocli.CommandLine.ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            try {
                return java.time.OffsetDateTime.parse(value).toInstant();
            } catch (java.time.format.DateTimeParseException e) {
                throw new picocli.CommandLine.TypeConversionException("`" + value.replaceAll("\\p{Cntrl}", "?")
                        + "` is not an instant: expected ISO-8601 with an offset, e.g. 2026-11-25T10:00:00Z");
            }
        }
    }

    Clock clock() {
        return now == null ? Clock.systemUTC() : Clock.fixed(now, ZoneOffset.UTC);
    }

    SocialMediaPolicy build() {
        return build(clock());
    }

    /**
     * @return a builder with these options but no school profile (for {@code serve --schools}); every
     *         policy built from it writes to the same decision log, so each school's decisions are
     *         logged with its profile's name
     */
    SocialMediaPolicy.Builder builder() {
        SocialMediaPolicy.Builder b = SocialMediaPolicy.builder().clock(clock());
        if (holidays != null) {
            b.holidays(holidays);
        }
        if (decisionLog != null) {
            b.decisionLog(log());
        }
        return b;
    }

    private org.smpolicy.log.JsonLinesDecisionLog log;

    private org.smpolicy.log.JsonLinesDecisionLog log() {
        if (log == null) {
            try {
                log = org.smpolicy.log.JsonLinesDecisionLog.builder().path(decisionLog);
            } catch (java.io.UncheckedIOException e) {
                throw new picocli.CommandLine.ParameterException(command.commandLine(),
                        "--decision-log: " + decisionLog + ": cannot be opened for appending");
            }
        }
        return log;
    }

    SocialMediaPolicy build(Clock clock) {
        SocialMediaPolicy.Builder b = SocialMediaPolicy.builder().clock(clock);
        if (school != null) {
            b.profile(school);
        }
        if (holidays != null) {
            b.holidays(holidays);
        }
        if (decisionLog != null) {
            b.decisionLog(log());
        }
        return b.build();
    }
}
