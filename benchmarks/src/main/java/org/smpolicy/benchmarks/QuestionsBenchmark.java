package org.smpolicy.benchmarks;

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

/**
 * What questions cost: the sample share of a parent's photos with a pupil's consent unknown (a
 * REVIEW: its unknown facts are decided again both ways to find what would settle it, and its
 * consent expiry to find until when it holds) against the same request with the consent on record
 * (ALLOW: nothing to ask), and a post from an account whose SLT approval is unknown against the
 * same post from an approved account. Each pair differs only in the unknown fact.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 4, time = 2)
@Fork(1)
public class QuestionsBenchmark {

    SocialMediaPolicy policy;
    PolicyRequest consentUnknown;
    PolicyRequest consentGranted;
    PolicyRequest approvalUnknown;
    PolicyRequest approved;

    @Setup
    public void setUp() throws java.io.IOException {
        policy = SocialMediaPolicy.builder().clock(Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC)).build();
        String share = java.nio.file.Files.readString(DecisionBenchmark.requests().resolve("share-pupil-photos-federation-account.json"));
        JsonCodec json = JsonCodec.strict();
        consentUnknown = json.readRequest(share);
        consentGranted = json.readRequest(share.replace("\"consent\": { \"status\": \"UNKNOWN\" }",
                "\"consent\": { \"status\": \"GRANTED\", \"channels\": [\"SOCIAL_MEDIA\"] }"));
        String post = "{\"type\": \"publish\", \"account\": {\"id\": \"class3-blog\", \"type\": \"FEDERATION\"%s}, "
                + "\"post\": {\"id\": \"p-1\", \"text\": \"Our class trip\", \"author\": \"Mrs Smith\", \"affectsFederation\": false, "
                + "\"seniorLeaderApproved\": true}, \"actor\": {\"role\": \"STAFF\", \"readPolicy\": true, \"trained\": true, \"namedRunner\": true}}";
        approvalUnknown = json.readRequest(String.format(post, ""));
        approved = json.readRequest(String.format(post, ", \"sltApproved\": true"));
        if (policy.decide(consentUnknown).questions().isEmpty() || !policy.decide(consentGranted).questions().isEmpty()
                || policy.decide(approvalUnknown).questions().isEmpty()) {
            throw new IllegalStateException("the requests no longer ask what this benchmark measures");
        }
    }

    @Benchmark
    public Decision shareConsentUnknownWithQuestions() {
        return policy.decide(consentUnknown);
    }

    @Benchmark
    public Decision shareConsentOnRecord() {
        return policy.decide(consentGranted);
    }

    @Benchmark
    public Decision postApprovalUnknownWithQuestions() {
        return policy.decide(approvalUnknown);
    }

    @Benchmark
    public Decision postFromApprovedAccount() {
        return policy.decide(approved);
    }
}
