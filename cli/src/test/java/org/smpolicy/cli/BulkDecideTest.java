package org.smpolicy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smpolicy.json.JsonCodec;
import org.smpolicy.model.PolicyRequest;
import org.smpolicy.rules.FederationInvariants;

class BulkDecideTest {

    @TempDir
    Path tmp;

    @Test
    void decisionsComeOutInInputOrderAndBadLinesAreReportedWithoutStopping() throws IOException {
        JsonCodec json = JsonCodec.strict();
        Random random = new Random(3);
        List<String> lines = new ArrayList<>();
        List<PolicyRequest> requests = new ArrayList<>();
        for (int i = 0; i < 1_500; i++) {
            PolicyRequest r = FederationInvariants.request(random);
            requests.add(r);
            lines.add(json.writeRequest(r));
        }
        lines.add(700, "{\"type\":\"tweet\"}");
        lines.add(1200, "not json");
        Path file = tmp.resolve("requests.jsonl");
        Files.write(file, lines);

        Cli r = Cli.run("decide", "--now=2026-11-25T10:00:00Z", "--jsonl", file.toString());
        assertThat(r.code()).isEqualTo(1);
        List<String> out = r.out().lines().toList();
        assertThat(out).hasSize(1_502);
        assertThat(out.get(700)).startsWith("{\"line\":701,\"error\":\"$.type: unknown request type `tweet`");
        assertThat(out.get(1200)).startsWith("{\"line\":1201,\"error\":\"$: malformed JSON");
        assertThat(r.err().lines().toList()).containsExactly(
                file + ":701: $.type: unknown request type `tweet`; expected one of [publish, engagement, contact, incoming-message, incident, account-application, staff-departure]",
                r.err().lines().toList().get(1));
        assertThat(r.err().lines().toList().get(1)).startsWith(file + ":1201: $: malformed JSON");

        // Order: every other line is the decision of the request on that line, as a single decide gives it.
        Cli single = Cli.run("decide", "--now=2026-11-25T10:00:00Z", "--jsonl", writeOne(requests.get(1_000), json));
        // Each decision carries its input line number; otherwise it is the single decision.
        assertThat(out.get(1_001)).startsWith("{\"line\":1002,")
                .isEqualTo(single.out().strip().replaceFirst("^\\{\"line\":1,", "{\"line\":1002,"));
        ObjectMapper m = new ObjectMapper();
        int j = 0;
        for (int i = 0; i < out.size(); i++) {
            if (i == 700 || i == 1200) {
                continue;
            }
            assertThat(m.readTree(out.get(i)).get("requestType").asText()).isEqualTo(requests.get(j++).type());
        }
    }

    String writeOne(PolicyRequest r, JsonCodec json) throws IOException {
        Path f = tmp.resolve("one.jsonl");
        Files.writeString(f, json.writeRequest(r) + "\n");
        return f.toString();
    }

    @Test
    void cleanStreamExits0() throws IOException {
        Path file = tmp.resolve("ok.jsonl");
        Files.writeString(file, Files.readString(Path.of("../examples/requests/comment-saturday.json")).replace("\n", " ") + "\n"
                + Files.readString(Path.of("../examples/requests/follow-pupil-personal-account.json")).replace("\n", " ") + "\n");
        Cli r = Cli.run("decide", "--jsonl", file.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out().lines()).hasSize(2);
        assertThat(r.err()).isEmpty();
    }

    @Test
    void aBlankLineGetsItsOwnErrorLineSoOutputLineNPairsWithInputLineN() throws IOException {
        // Issue 26: a host that pairs output line N with input line N gets the right decisions.
        Path file = tmp.resolve("blank.jsonl");
        Files.writeString(file, Files.readString(Path.of("../examples/requests/comment-saturday.json")).replace("\n", " ") + "\n\n"
                + Files.readString(Path.of("../examples/requests/follow-pupil-personal-account.json")).replace("\n", " ") + "\n");
        Cli r = Cli.run("decide", "--jsonl", file.toString());
        List<String> out = r.out().lines().toList();
        assertThat(out).hasSize(3);
        assertThat(out.get(0)).startsWith("{\"line\":1,\"outcome\"");
        assertThat(out.get(1)).isEqualTo("{\"line\":2,\"error\":\"blank line: one request per line\"}");
        assertThat(out.get(2)).startsWith("{\"line\":3,\"outcome\":\"DENY\"");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo(file + ":2: blank line: one request per line");
    }
}
