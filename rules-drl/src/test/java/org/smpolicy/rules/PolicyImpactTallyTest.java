package org.smpolicy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.smpolicy.SocialMediaPolicy;
import org.smpolicy.decision.Decision;
import org.smpolicy.decision.PolicyImpact;
import org.smpolicy.json.JsonCodec;
import org.smpolicy.model.PolicyRequest;

/** A corpus compared in pieces, merged in any order, reports what the whole comparison reports. */
class PolicyImpactTallyTest {

    @Test
    void piecesMergedInAnyOrderGiveTheWholeReport() throws IOException {
        JsonCodec json = JsonCodec.strict();
        List<PolicyRequest> corpus = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("../examples/corpus/requests.jsonl"))) {
            if (!line.isBlank()) {
                corpus.add(json.readRequest(line));
            }
        }
        SocialMediaPolicy from = Policies.baseline();
        SocialMediaPolicy to = SocialMediaPolicy.builder().clock(Clock.fixed(Policies.NOW, ZoneOffset.UTC))
                .profile(Path.of("../examples/schools/merriott")).build();
        java.util.function.Predicate<Decision> protects = d -> d.outcome() != org.smpolicy.decision.Outcome.ALLOW;
        PolicyImpact.Report whole = PolicyImpact.compare(from::decide, to::decide, corpus, Policies.NOW, protects);
        assertThat(whole.compared() - whole.unchanged()).as("the profile changes something").isPositive();

        Random random = new Random(7);
        for (int round = 0; round < 5; round++) {
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < corpus.size(); i++) {
                order.add(i);
            }
            Collections.shuffle(order, random);
            List<PolicyImpact.Tally> pieces = new ArrayList<>();
            for (int p = 0; p < 4; p++) {
                pieces.add(new PolicyImpact.Tally());
            }
            for (int i : order) {
                pieces.get(random.nextInt(pieces.size())).add(i, from.decide(corpus.get(i), Policies.NOW),
                        to.decide(corpus.get(i), Policies.NOW), protects);
            }
            Collections.shuffle(pieces, random);
            PolicyImpact.Tally merged = new PolicyImpact.Tally();
            pieces.forEach(merged::merge);
            assertThat(merged.report()).isEqualTo(whole);
        }
    }
}
