package org.smpolicy.recheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.smpolicy.decision.Reliance;
import org.smpolicy.json.JsonCodec;

class RegisterLinesTest {

    static final String LINE = "{\"id\": \"p-1\", \"publishedAt\": \"2026-10-02T15:00:00Z\", \"request\": {\"type\": \"publish\", "
            + "\"account\": {\"id\": \"merriott-facebook\", \"type\": \"FEDERATION\"}, \"post\": {\"id\": \"p-1\", \"text\": \"t\", \"author\": \"a\"}, "
            + "\"images\": [{\"id\": \"i\", \"people\": [{\"ref\": \"pupil-1001\", \"role\": \"STUDENT\"}]}], \"actor\": {\"ref\": \"staff-12\"}}}";

    @Test
    void aLineIsReadWhenItNamesAChangedPersonAndOnlyThen() {
        assertThat(RegisterLines.naming(Set.of("pupil-1001")).mustRead(LINE)).isTrue();
        assertThat(RegisterLines.naming(Set.of("staff-12")).mustRead(LINE)).isTrue();
        assertThat(RegisterLines.naming(Set.of("pupil-100", "pupil-10011", "pupil-2002")).mustRead(LINE)).isFalse();
    }

    @Test
    void aLineTheScanCannotVouchForIsRead() {
        Set<String> none = Set.of("nobody");
        assertThat(RegisterLines.naming(none).mustRead(LINE.replace("pupil-1001", "\\u0070upil-1001"))).as("an escape").isTrue();
        assertThat(RegisterLines.naming(none).mustRead("{")).as("a pretty-printed file's first line").isTrue();
        assertThat(RegisterLines.naming(none).mustRead(LINE.substring(0, LINE.length() - 1))).as("an object left open").isTrue();
        assertThat(RegisterLines.naming(none).mustRead(LINE + "}")).as("a bracket too many").isTrue();
        assertThat(RegisterLines.naming(none).mustRead(LINE + " {}")).as("two documents").isTrue();
        assertThat(RegisterLines.naming(none).mustRead(LINE.replace("\"type\": \"publish\"", "\"type\": \"contact\""))).as("not a publish request").isTrue();
        assertThat(RegisterLines.naming(none).mustRead(LINE.replace("\"type\": \"publish\"", "\"kind\": \"publish\""))).isTrue();
        assertThat(RegisterLines.naming(none).mustRead("[" + LINE + "]")).as("not an object").isTrue();
        assertThat(RegisterLines.naming(none).mustRead(LINE.replace("\"t\"", "\"unterminated"))).isTrue();
    }

    @Test
    void everyReferenceASampleItemReliesOnMakesItsLineRead() throws Exception {
        JsonCodec json = JsonCodec.strict();
        List<String> lines = Files.readAllLines(Path.of("../examples/recheck/published.jsonl"));
        assertThat(lines).isNotEmpty();
        for (int i = 0; i < lines.size(); i++) {
            Published item = json.readPublished(lines.get(i), i + 1L);
            assertThat(RegisterLines.naming(Set.of("no-such-person")).mustRead(lines.get(i))).as("line %d names nobody changed", i + 1).isFalse();
            for (Reliance r : Reliance.of(item.request())) {
                assertThat(RegisterLines.naming(Set.of(r.ref())).mustRead(lines.get(i))).as("line %d, %s", i + 1, r.ref()).isTrue();
            }
        }
    }
}
