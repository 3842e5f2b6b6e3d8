package org.smpolicy.benchmarks;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
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
import org.smpolicy.model.Account;
import org.smpolicy.model.EngagementAction;
import org.smpolicy.model.EngagementRequest;
import org.smpolicy.model.Person;
import org.smpolicy.model.PersonRole;
import org.smpolicy.model.PolicyRequest;
import org.smpolicy.model.StudentAgeStatus;

/**
 * What {@code validUntil} costs: the same follow of a former pupil decided with an age status
 * only (no date: no candidate instant) and with a birth date (one future candidate, the 18th
 * birthday, decided again), and the sample consented photo (consent expiry: decided again at
 * the expiry's midnights).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 6, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ValidityBenchmark {

    SocialMediaPolicy policy;
    PolicyRequest statusOnly;
    PolicyRequest birthDate;
    PolicyRequest photo;

    @Setup
    public void setUp() throws java.io.IOException {
        policy = SocialMediaPolicy.builder().clock(Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC)).build();
        statusOnly = new EngagementRequest(Account.personal("staff-1"), EngagementAction.FOLLOW,
                new Person("former-1", PersonRole.FORMER_STUDENT, StudentAgeStatus.UNDER_18, null), null);
        birthDate = new EngagementRequest(Account.personal("staff-1"), EngagementAction.FOLLOW,
                new Person("former-1", PersonRole.FORMER_STUDENT, StudentAgeStatus.UNKNOWN, LocalDate.of(2008, 12, 10)), null);
        photo = DecisionBenchmark.read("student-photo-federation-account.json");
    }

    @Benchmark
    public Decision followWithAgeStatusOnly() {
        return policy.decide(statusOnly);
    }

    @Benchmark
    public Decision followWithBirthDate() {
        return policy.decide(birthDate);
    }

    @Benchmark
    public Decision photoWithConsentExpiry() {
        return policy.decide(photo);
    }
}
