package org.smpolicy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line writes UTF-8 whatever the JVM's default charset, as a machine with no locale set has ASCII. */
class Utf8OutputTest {

    @TempDir
    Path tmp;

    @Test
    void anAccentedIdComesOutAsUtf8UnderAnAsciiDefault() throws Exception {
        Path request = tmp.resolve("r.json");
        Files.writeString(request, "{\"type\":\"publish\",\"account\":{\"id\":\"acc\",\"type\":\"PERSONAL\"},\"post\":{\"id\":\"p\"},"
                + "\"images\":[{\"id\":\"img-\u00e9t\u00e9\",\"showsStudents\":true}]}", StandardCharsets.UTF_8);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(List.of(java.toString(), "-Dfile.encoding=ANSI_X3.4-1968", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "decide", "--now=2026-11-25T10:00:00Z", request.toString()))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor()).isZero();
        String text = new String(out, StandardCharsets.UTF_8);
        assertThat(text).contains("image `img-\u00e9t\u00e9`").doesNotContain("img-?t?");
    }
}
