package org.smpolicy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The baseline's DRL imports only the DRL-author package and the model, as overlays must. */
class DrlImportsTest {

    static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(function\\s+|accumulate\\s+)?([\\w.*]+)", Pattern.MULTILINE);

    static List<String> outsideTheContract(String file, String drl) {
        List<String> out = new ArrayList<>();
        Matcher m = IMPORT.matcher(drl);
        while (m.find()) {
            String target = m.group(2);
            if (m.group(1) != null || !(target.startsWith("org.smpolicy.drl.") || target.startsWith("org.smpolicy.model."))) {
                out.add(file + ": import " + (m.group(1) == null ? "" : m.group(1)) + target);
            }
        }
        return out;
    }

    @Test
    void everyBaselineDrlFileImportsOnlyDrlAndModel() throws IOException {
        List<String> problems = new ArrayList<>();
        int files = 0;
        try (Stream<Path> walk = Files.walk(Path.of("src/main/resources"))) {
            for (Path p : walk.filter(f -> f.toString().endsWith(".drl")).toList()) {
                files++;
                problems.addAll(outsideTheContract(p.toString(), Files.readString(p)));
            }
        }
        assertThat(files).isGreaterThan(10);
        assertThat(problems).isEmpty();
    }

    @Test
    void theCheckCatchesAnImportOfTheEngine() {
        assertThat(outsideTheContract("x.drl", "package a.b;\nimport org.smpolicy.model.Image;\nimport org.smpolicy.RuleEngine;\n"
                + "import function java.lang.Runtime.getRuntime;\n"))
                .containsExactly("x.drl: import org.smpolicy.RuleEngine", "x.drl: import function java.lang.Runtime.getRuntime");
    }
}
