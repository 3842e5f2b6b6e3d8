package org.smpolicy.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.smpolicy.SocialMediaPolicy;
import org.smpolicy.decision.Decision;
import org.smpolicy.json.JsonCodec;
import org.smpolicy.server.DecisionServer;

/**
 * A TypeScript client nobody here wrote: openapi-generator's typescript-fetch client, generated at
 * build time into target/generated-ts, compiled with tsc (from server/e2e, installed by
 * {@code npm ci}) together with src/test/ts/decide-samples.ts, decides every sample request
 * against a live service under Node: the outcome, the rules and the questions are the library's.
 */
class GeneratedTypeScriptClientTest {

    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    static final Path TSC = Path.of("../server/e2e/node_modules/typescript/bin/tsc");

    static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("finished: " + command).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    @Test
    void theGeneratedClientGetsTheLibrarysDecisionForEverySample() throws Exception {
        assumeTrue(Files.exists(TSC), "no TypeScript compiler in server/e2e/node_modules (npm ci --prefix server/e2e)");
        assertThat(Path.of("target/generated-ts/apis/DefaultApi.ts")).as("generated at build time").exists();
        run(List.of("node", TSC.toString(), "-p", "src/test/ts/tsconfig.json"));
        SocialMediaPolicy policy = SocialMediaPolicy.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
        ObjectMapper mapper = new ObjectMapper();
        List<String> lines;
        try (DecisionServer server = DecisionServer.start(policy, null, "127.0.0.1", 0, null, 1 << 20)) {
            lines = run(List.of("node", "target/ts-out/src/test/ts/decide-samples.js", server.url(), "../examples/requests")).lines().toList();
        }
        List<String> files = new ArrayList<>();
        try (var list = Files.list(Path.of("../examples/requests"))) {
            list.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".json")).sorted().forEach(files::add);
        }
        assertThat(lines).hasSize(files.size());
        for (String line : lines) {
            JsonNode got = mapper.readTree(line);
            String file = got.get("file").asText();
            Decision want = policy.decide(JsonCodec.strict().readRequest(Files.readString(Path.of("../examples/requests", file))), NOW);
            assertThat(got.get("outcome").asText()).as(file).isEqualTo(want.outcome().name());
            List<String> rules = new ArrayList<>();
            got.get("rules").forEach(r -> rules.add(r.asText()));
            assertThat(rules).as(file).isEqualTo(want.findings().stream().map(f -> f.rule()).toList());
            List<String> questions = new ArrayList<>();
            got.get("questions").forEach(q -> questions.add(q.asText()));
            assertThat(questions).as(file).isEqualTo(want.questions().stream().map(q -> q.path()).toList());
        }
    }
}
