package org.smpolicy.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.smpolicy.SocialMediaPolicy;
import org.smpolicy.decision.Decision;
import org.smpolicy.json.JsonCodec;
import org.smpolicy.model.PolicyRequest;

/** Warm decision latency for each request type against the full baseline rule base. */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 6, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DecisionBenchmark {

    SocialMediaPolicy policy;
    PolicyRequest publish;
    PolicyRequest engagement;
    PolicyRequest contact;
    PolicyRequest incomingMessage;
    PolicyRequest incident;
    PolicyRequest accountApplication;
    PolicyRequest staffDeparture;

    static Path requests() {
        for (String c : new String[] {"examples/requests", "../examples/requests"}) {
            if (Files.isDirectory(Path.of(c))) {
                return Path.of(c);
            }
        }
        throw new IllegalStateException("run from the repository root: examples/requests not found");
    }

    static PolicyRequest read(String name) throws java.io.IOException {
        return JsonCodec.strict().readRequest(Files.readString(requests().resolve(name)));
    }

    @Setup
    public void setUp() throws java.io.IOException {
        policy = SocialMediaPolicy.builder().clock(Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC)).build();
        publish = read("student-photo-federation-account.json");
        engagement = read("follow-pupil-personal-account.json");
        contact = read("contact-parent-personal-mobile.json");
        incomingMessage = read("comment-saturday.json");
        incident = read("incident-mistake.json");
        accountApplication = read("account-application.json");
        staffDeparture = read("staff-departure.json");
    }

    @Benchmark
    public Decision publish() {
        return policy.decide(publish);
    }

    @Benchmark
    public Decision engagement() {
        return policy.decide(engagement);
    }

    @Benchmark
    public Decision contact() {
        return policy.decide(contact);
    }

    @Benchmark
    public Decision incomingMessage() {
        return policy.decide(incomingMessage);
    }

    @Benchmark
    public Decision incident() {
        return policy.decide(incident);
    }

    @Benchmark
    public Decision accountApplication() {
        return policy.decide(accountApplication);
    }

    @Benchmark
    public Decision staffDeparture() {
        return policy.decide(staffDeparture);
    }
}
