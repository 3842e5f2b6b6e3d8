package org.smpolicy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * docs/first-overlay.md as a test: every file it shows is the file in the repository, and every
 * command it shows, run as written (in-process, from the repository root), prints what it shows
 * and exits as it says.
 */
class FirstOverlayTutorialTest {

    static final Path DOC = Path.of("../docs/first-overlay.md");
    static final String JAR = "$ java -jar cli/target/smpolicy.jar ";

    @TestFactory
    Stream<DynamicTest> theTutorialIsWhatHappens() throws IOException {
        String doc = Files.readString(DOC);
        List<DynamicTest> tests = new ArrayList<>();
        Matcher file = Pattern.compile("`(examples/[^`]+)`:\n\n```(?:json|java)\n(.*?)\n```", Pattern.DOTALL).matcher(doc);
        while (file.find()) {
            String path = file.group(1);
            String shown = file.group(2);
            tests.add(DynamicTest.dynamicTest("file " + path, () ->
                    assertThat(Files.readString(Path.of("..", path)).strip()).isEqualTo(shown.strip())));
        }
        Matcher console = Pattern.compile("```console\n(.*?)\n```", Pattern.DOTALL).matcher(doc);
        while (console.find()) {
            List<String> lines = Arrays.asList(console.group(1).split("\n"));
            for (int i = 0; i < lines.size(); i++) {
                if (!lines.get(i).startsWith(JAR)) {
                    continue;
                }
                String command = lines.get(i).substring(JAR.length());
                int end = i + 1;
                while (end < lines.size() && !lines.get(end).startsWith("$ ")) {
                    end++;
                }
                List<String> expected = new ArrayList<>(lines.subList(i + 1, end));
                int exit = 0;
                if (!expected.isEmpty() && expected.get(expected.size() - 1).matches("\\[exit \\d\\]")) {
                    exit = Integer.parseInt(expected.remove(expected.size() - 1).replaceAll("\\D", ""));
                }
                int code = exit;
                tests.add(DynamicTest.dynamicTest(command, () -> {
                    String[] args = Arrays.stream(command.split(" ")).map(a -> a.startsWith("examples/") ? "../" + a : a).toArray(String[]::new);
                    Cli r = Cli.run(args);
                    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(code);
                    List<String> printed = r.out().replace("../examples/", "examples/").lines().map(String::stripTrailing)
                            .filter(l -> !l.isEmpty()).toList();
                    assertThat(printed).isEqualTo(expected.stream().map(String::stripTrailing).filter(l -> !l.isEmpty()).toList());
                }));
            }
        }
        assertThat(tests).hasSizeGreaterThanOrEqualTo(8);
        return tests.stream();
    }
}
