package org.smpolicy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smpolicy.json.JsonCodec;

/** Issue 22, row 12: `serve --schools DIR --decision-log F` logs every school's decisions, each with its school. */
class PolicyOptionsTest {

    @TempDir
    Path tmp;

    @Test
    void everySchoolBuiltForServeWritesToTheDecisionLog() throws Exception {
        PolicyOptions options = new PolicyOptions();
        options.decisionLog = tmp.resolve("decisions.jsonl");
        JsonCodec json = JsonCodec.strict();
        var request = json.readRequest(Files.readString(Path.of("../examples/requests/comment-saturday.json")));
        // As ServeCommand builds them: the baseline, then each school from the same options.
        options.build().decide(request);
        options.builder().profile(Path.of("../examples/schools/merriott")).build().decide(request);
        options.builder().profile(Path.of("../examples/schools/haselbury")).build().decide(request);
        List<String> lines = Files.readAllLines(options.decisionLog);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).contains("\"profile\":\"baseline\"");
        assertThat(lines.get(1)).contains("\"profile\":\"Merriott Primary School\"");
        assertThat(lines.get(2)).contains("\"profile\":\"Haselbury Primary School\"");
    }
}
