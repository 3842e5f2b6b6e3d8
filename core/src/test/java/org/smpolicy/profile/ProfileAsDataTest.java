package org.smpolicy.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.smpolicy.diagnostic.PolicyLoadException;

/** A profile that travels as data reads as its directory does, with the same strictness and limits. */
class ProfileAsDataTest {

    static final Path MERRIOTT = Path.of("../examples/schools/merriott");

    static Map<String, byte[]> files(Path dir) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path f : list.filter(f -> f.toString().endsWith(".json") || f.toString().endsWith(".drl")).toList()) {
                out.put(f.getFileName().toString(), Files.readAllBytes(f));
            }
        }
        return out;
    }

    @Test
    void theSameFilesAreTheSameProfile() throws IOException {
        assertThat(SchoolProfile.read(MERRIOTT.toString(), files(MERRIOTT))).isEqualTo(SchoolProfile.load(MERRIOTT));
    }

    @Test
    void problemsNameTheLabelFileAndLine() {
        assertThatThrownBy(() -> SchoolProfile.read("shipped/broken", Map.of("profile.json",
                "{\n  \"profileVersion\": 1,\n  \"name\": \"B\",\n  \"colour\": 1\n}\n".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(PolicyLoadException.class).hasMessageContaining(Path.of("shipped/broken/profile.json") + ":4: unknown field `colour`");
        assertThatThrownBy(() -> SchoolProfile.read("shipped/empty", Map.of()))
                .isInstanceOf(PolicyLoadException.class).hasMessageContaining(Path.of("shipped/empty/profile.json") + ":1: missing profile file");
        assertThatThrownBy(() -> SchoolProfile.read("shipped/big", Map.of("profile.json", new byte[ProfileFiles.MAX_FILE_BYTES + 1])))
                .isInstanceOf(PolicyLoadException.class).hasMessageContaining("is larger than");
    }

    /**
     * A profile's problems are values built where they are found: file, line, path and words
     * apart, and what they quote from the profile apart from the words, so that a product can show
     * or withhold it without parsing text.
     */
    @Test
    void problemsAreTypedWithWhatTheyQuoteHeldApart() {
        String feed = "{\"england-and-wales\": {\"division\": \"x\", \"events\": [{\"title\": \"T\", \"date\": \"2026-02-30\"}]}}";
        PolicyLoadException e = catchLoad(() -> SchoolProfile.read("shipped/typed", Map.of(
                "profile.json", ("{\n  \"profileVersion\": 1,\n  \"name\": \"T\",\n  \"timeZone\": \"Mars/Olympus\",\n"
                        + "  \"holidaysFile\": \"feed.json\"\n}\n").getBytes(StandardCharsets.UTF_8),
                "feed.json", feed.getBytes(StandardCharsets.UTF_8))));
        org.smpolicy.diagnostic.Diagnostic zone = e.diagnostics().stream().filter(d -> d.message().contains("time zone")).findFirst().orElseThrow();
        assertThat(zone.file()).isEqualTo(Path.of("shipped/typed/profile.json").toString());
        assertThat(zone.line()).isEqualTo(4);
        assertThat(zone.message()).isEqualTo("unknown time zone {}");
        assertThat(zone.value()).isEqualTo("Mars/Olympus");
        assertThat(zone.redacted()).doesNotContain("Mars");
        org.smpolicy.diagnostic.Diagnostic date = e.diagnostics().stream().filter(d -> "2026-02-30".equals(d.value())).findFirst().orElseThrow();
        assertThat(date.path()).isEqualTo("$.england-and-wales.events[0].date");
        assertThat(date.file()).isEqualTo(Path.of("shipped/typed/feed.json").toString());
        assertThat(e.problems()).isEqualTo(e.diagnostics().stream().map(org.smpolicy.diagnostic.Diagnostic::text).toList())
                .anyMatch(p -> p.endsWith(":4: unknown time zone `Mars/Olympus`"));
    }

    /**
     * A profile or feed that is not JSON at all is a value too, built by the reader: a label that
     * itself reads like {@code file:line: } cannot shift the file or the line.
     */
    @Test
    void malformedJsonIsTypedWhereItIsRead() {
        String label = "trust:7: x";
        PolicyLoadException e = catchLoad(() -> SchoolProfile.read(label, Map.of(
                "profile.json", "{\n  \"profileVersion\": 1,\n  \"name\": ,\n}\n".getBytes(StandardCharsets.UTF_8))));
        org.smpolicy.diagnostic.Diagnostic d = e.diagnostics().get(0);
        assertThat(d.file()).isEqualTo(Path.of(label, "profile.json").toString());
        assertThat(d.line()).isEqualTo(3);
        assertThat(d.message()).startsWith("malformed JSON at column");
        PolicyLoadException feed = catchLoad(() -> SchoolProfile.read(label, Map.of(
                "profile.json", "{\"profileVersion\": 1, \"name\": \"F\", \"holidaysFile\": \"feed.json\"}".getBytes(StandardCharsets.UTF_8),
                "feed.json", "{\n\n [".getBytes(StandardCharsets.UTF_8))));
        assertThat(feed.diagnostics()).anySatisfy(f -> {
            assertThat(f.file()).isEqualTo(Path.of(label, "feed.json").toString());
            assertThat(f.line()).isEqualTo(3);
        });
    }

    private static PolicyLoadException catchLoad(Runnable load) {
        try {
            load.run();
        } catch (PolicyLoadException e) {
            return e;
        }
        throw new AssertionError("the profile loaded");
    }
}
