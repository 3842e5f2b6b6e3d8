package org.smpolicy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/traceability.md shows what {@code smpolicy clauses} prints, and the command shows no gaps.
 * Regenerate with {@code mvn -pl cli test -Dtest=TraceabilityDocTest -Dsmpolicy.writeDocs=true}.
 */
class TraceabilityDocTest {

    static final Path DOC = Path.of("../docs/traceability.md");
    static final String START = "```text\n";
    static final String END = "```\n";

    @Test
    void clausesCommandShowsNoGapsAndTheDocumentIsCurrent() throws IOException {
        Cli r = Cli.run("clauses");
        assertThat(r.code()).as(r.out()).isZero();
        assertThat(r.out()).doesNotContain("GAP").containsPattern("74 clauses, \\d+ rules, 0 gaps");
        String doc = Files.readString(DOC);
        int a = doc.indexOf(START) + START.length();
        int b = doc.indexOf(END, a);
        if (Boolean.getBoolean("smpolicy.writeDocs")) {
            Files.writeString(DOC, doc.substring(0, a) + r.out() + doc.substring(b));
            return;
        }
        assertThat(doc.substring(a, b)).as("docs/traceability.md is out of date").isEqualTo(r.out());
    }
}
