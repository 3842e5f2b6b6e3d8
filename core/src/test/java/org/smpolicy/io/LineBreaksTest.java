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
}
