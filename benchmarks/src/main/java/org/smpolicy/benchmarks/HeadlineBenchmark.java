package org.smpolicy.benchmarks;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.smpolicy.SocialMediaPolicy;
import org.smpolicy.decision.Decision;
import org.smpolicy.drl.Parameters;
import org.smpolicy.model.EngagementRequest;
import org.smpolicy.model.PublishRequest;

/**
 * Ours (the full baseline: 78 rules), the plain-Java floor (the same publish and engagement
 * rules by hand) and the two peers (the two headline rules only: less work than ours) on the same
 * publish and engagement inputs: a student photo on a personal account (11.b) and a
 * personal-account follow of a pupil under 18 (12.b.i).
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 6, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class HeadlineBenchmark {

    SocialMediaPolicy ours;
    PlainJavaPolicy plain;
    EasyRulesPeer easyRules;
    SaplPeer sapl;
    PublishRequest publish;
    EngagementRequest engagement;

    @Setup(Level.Trial)
    public void setUp() {
        Instant now = Instant.parse("2026-11-25T10:00:00Z");
        ours = SocialMediaPolicy.builder().clock(Clock.fixed(now, ZoneOffset.UTC)).build();
        plain = new PlainJavaPolicy(ours.calendar().localDate(now), Parameters.BASELINE);
        easyRules = new EasyRulesPeer();
        sapl = new SaplPeer();
        publish = Headline.publish(true, true, 1);
        engagement = Headline.engagement(true, org.smpolicy.model.PersonRole.STUDENT, org.smpolicy.model.StudentAgeStatus.UNDER_18, 1);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        sapl.close();
    }

    @Benchmark
    public Decision publishOurs() {
        return ours.decide(publish);
    }

    @Benchmark
    public PlainJavaPolicy.Result publishPlainJava() {
        return plain.publish(publish);
    }

    @Benchmark
    public String publishEasyRules() {
        return easyRules.decide(publish);
    }

    @Benchmark
    public String publishSapl() {
        return sapl.decide(publish);
    }

    @Benchmark
    public Decision engagementOurs() {
        return ours.decide(engagement);
    }

    @Benchmark
    public PlainJavaPolicy.Result engagementPlainJava() {
        return plain.engage(engagement);
    }

    @Benchmark
    public String engagementEasyRules() {
        return easyRules.decide(engagement);
    }

    @Benchmark
    public String engagementSapl() {
        return sapl.decide(engagement);
    }

}
