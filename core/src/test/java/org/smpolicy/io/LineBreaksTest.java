package org.smpolicy.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineBreaksTest {

    static List<String> lines(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return LineBreaks.spans(b).stream().map(s -> new String(b, s[0], s[1] - s[0], StandardCharsets.UTF_8)).toList();
    }

    @Test
    void linesEndAsBufferedReaderEndsThemAndTheCountAgrees() {
        for (String text : List.of("a\nb\rc\r\nd", "a\r\n\r\nb\n", "\r\r\n\n", "", "one", "x\r")) {
            assertThat(lines(text)).as(text).isEqualTo(new BufferedReader(new StringReader(text)).lines().toList());
            long breaks = text.chars().filter(c -> c == '\n').count() + text.replace("\r\n", "").chars().filter(c -> c == '\r').count();
            assertThat(LineBreaks.count(text.getBytes(StandardCharsets.UTF_8))).as(text).isEqualTo(breaks);
        }
    }

    /** Read a chunk at a time, any text splits into the same numbered lines as read whole, whatever the chunk size. */
    @Test
    void chunksSplitAsTheWholeTextSplits() {
        org.quicktheories.QuickTheory.qt().withExamples(5_000)
                .forAll(org.quicktheories.generators.SourceDSL.lists().of(org.quicktheories.generators.SourceDSL.integers().between(0, 3))
                                .ofSizeBetween(0, 40).map(cs -> cs.stream().map(c -> "ab\n\r".substring(c, c + 1)).collect(java.util.stream.Collectors.joining())),
                        org.quicktheories.generators.SourceDSL.integers().between(1, 12))
                .check((text, chunk) -> {
                    List<String> read = new java.util.ArrayList<>();
                    long[] expected = {1};
                    try {
                        LineBreaks.chunks(new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), chunk, (b, spans, first) -> {
                            if (first != expected[0]) {
                                throw new AssertionError("line " + first + " where " + expected[0] + " was next");
                            }
                            expected[0] += spans.size();
                            spans.forEach(sp -> read.add(new String(b, sp[0], sp[1] - sp[0], StandardCharsets.UTF_8)));
                        });
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    return read.equals(lines(text));
                });
    }
}
