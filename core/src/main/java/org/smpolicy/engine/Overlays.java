package org.smpolicy.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.runtime.KieContainer;
import org.smpolicy.ClauseIds;
import org.smpolicy.catalogue.ClauseCatalogue;
import org.smpolicy.profile.SchoolProfile;
import org.smpolicy.profile.SchoolProfile.OverlayFile;

/**
 * Checks and compiles a school's overlay DRL. Checks run on the parsed DRL before anything is
 * compiled: syntax, package, imports, metadata and the right-hand-side sandbox. Compilation uses
 * the executable model, like the baseline kjar: the two models must never be mixed in one
 * KieBase (it builds, then silently gives wrong answers).
 */
final class Overlays {

    private static final AtomicLong BUILDS = new AtomicLong();

    /** Baseline packages; an overlay rule there would merge with (or clash with) baseline rules. */
    static final String BASELINE_PACKAGE = "org.smpolicy.rules";

    private static final Set<String> ALLOWED_IMPORT_PREFIXES = Set.of("org.smpolicy.model.", "java.time.");
    private static final Set<String> ALLOWED_IMPORTS = Set.of("org.smpolicy.engine.Results", "org.smpolicy.engine.DecisionContext",
            "org.smpolicy.Role", "java.util.List", "java.util.Set", "java.util.Map", "java.util.Collection",
            "java.util.Collections", "java.util.Optional", "java.util.Objects", "java.util.Arrays");

    /** What an overlay may not mention anywhere, with the reason given. */
    private static final Map<Pattern, String> FORBIDDEN = new LinkedHashMap<>();

    static {
        FORBIDDEN.put(Pattern.compile("\\bjava\\.(io|nio|net)\\b"), "file and network access");
        FORBIDDEN.put(Pattern.compile("\\bjava\\.lang\\.reflect\\b|\\bforName\\b|\\bgetClass\\s*\\(|\\bgetDeclared\\w*\\s*\\(|\\bsetAccessible\\b|\\bMethodHandles?\\b"), "reflection");
        FORBIDDEN.put(Pattern.compile("\\b(System|Runtime|ProcessBuilder|Process)\\b"), "System, process and runtime calls");
        FORBIDDEN.put(Pattern.compile("\\b(Thread|ThreadLocal|ClassLoader|Executors?|ForkJoinPool|CompletableFuture)\\b"), "threads and class loaders");
        FORBIDDEN.put(Pattern.compile("\\b(File|Files|Paths?|FileInputStream|FileOutputStream|FileReader|FileWriter|RandomAccessFile|Socket|ServerSocket|URL|URLConnection|HttpClient|InetAddress)\\b"), "file and network access");
        FORBIDDEN.put(Pattern.compile("^\\s*global\\b"), "globals (state shared between decisions)");
        FORBIDDEN.put(Pattern.compile("^\\s*function\\b"), "functions (use the helpers in Results)");
        FORBIDDEN.put(Pattern.compile("\\bstatic\\b"), "static state");
        FORBIDDEN.put(Pattern.compile("\\b(modify|update|retract|delete)\\s*\\("), "changing input facts");
    }

    private Overlays() {
    }

    /** A parsed overlay file and the rules it adds. */
    record Parsed(OverlayFile file, PackageDescr descr) {
    }

    /**
     * Parses and checks every overlay file; adds each rule's source to {@code ruleSources}.
     *
     * @return the problems, {@code file:line: message}; empty when all is well
     */
    static List<String> check(List<OverlayFile> files, ClauseCatalogue catalogue, Set<String> baselineRules,
                              Map<String, String> ruleSources, List<Parsed> parsed) {
        List<String> problems = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (OverlayFile f : files) {
            String where = f.path().toString();
            DrlParser parser = new DrlParser();
            PackageDescr descr;
            try {
                descr = parser.parse(false, f.text());
            } catch (DroolsParserException e) {
                problems.add(where + ":1: " + e.getMessage());
                continue;
            }
            if (parser.hasErrors() || descr == null) {
                for (DroolsError e : parser.getErrors()) {
                    int[] lines = e.getLines();
                    problems.add(where + ":" + (lines.length > 0 && lines[0] > 0 ? lines[0] : 1) + ": " + oneLine(e.getMessage()));
                }
                continue;
            }
            sandbox(f, problems);
            String pkg = descr.getNamespace();
            if (pkg == null || pkg.isBlank()) {
                problems.add(where + ":1: an overlay needs a `package` of its own, e.g. `package org.school.merriott;`");
            } else if (pkg.equals(BASELINE_PACKAGE) || pkg.startsWith(BASELINE_PACKAGE + ".")) {
                problems.add(where + ":" + lineOf(f.text(), "package") + ": package `" + pkg
                        + "` belongs to the baseline; overlay rules live in a package of their own");
            }
            for (ImportDescr i : descr.getImports()) {
                String target = i.getTarget();
                boolean ok = ALLOWED_IMPORTS.contains(target)
                        || ALLOWED_IMPORT_PREFIXES.stream().anyMatch(p -> target.startsWith(p) && !target.substring(p.length()).contains("."))
                        || target.equals("org.smpolicy.model.*") || target.equals("java.time.*");
                if (!ok) {
                    problems.add(where + ":" + i.getLine() + ": import `" + target + "` is outside the allowed vocabulary "
                            + "(org.smpolicy.model.*, org.smpolicy.engine.Results, org.smpolicy.engine.DecisionContext, org.smpolicy.Role, java.time.*, java.util collections)");
                }
            }
            for (RuleDescr r : descr.getRules()) {
                String id = r.getName();
                int line = r.getLine();
                if (baselineRules.contains(id) || seen.containsKey(id)) {
                    problems.add(where + ":" + line + ": rule id `" + id + "` is already used by "
                            + (baselineRules.contains(id) ? "the baseline" : seen.get(id)) + "; give it a new id");
                }
                seen.put(id, where);
                ruleSources.put(id, where);
                AnnotationDescr clause = r.getAnnotation("clause");
                List<String> clauses = ClauseIds.parse(clause == null ? null : annotationValue(clause));
                if (clauses.isEmpty()) {
                    problems.add(where + ":" + line + ": rule `" + id + "` has no @clause metadata naming the clause it enforces");
                }
                for (String c : clauses) {
                    if (!catalogue.contains(c)) {
                        problems.add(where + ":" + line + ": rule `" + id + "` cites clause `" + c + "`, which the policy does not have");
                    }
                }
                AnnotationDescr outcome = r.getAnnotation("outcome");
                String o = outcome == null ? "" : annotationValue(outcome);
                if (!Validation.OUTCOMES.contains(o)) {
                    problems.add(where + ":" + line + ": rule `" + id + "` needs @outcome, one of " + Validation.OUTCOMES);
                }
            }
            parsed.add(new Parsed(f, descr));
        }
        return problems;
    }

    private static void sandbox(OverlayFile f, List<String> problems) {
        String[] lines = f.text().split("\n", -1);
        boolean inBlockComment = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (inBlockComment) {
                int end = line.indexOf("*/");
                if (end < 0) {
                    continue;
                }
                line = line.substring(end + 2);
                inBlockComment = false;
            }
            int start = line.indexOf("/*");
            if (start >= 0 && line.indexOf("*/", start) < 0) {
                line = line.substring(0, start);
                inBlockComment = true;
            }
            int comment = line.indexOf("//");
            String code = (comment >= 0 ? line.substring(0, comment) : line).replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"");
            if (code.strip().startsWith("import ")) {
                continue;
            }
            for (Map.Entry<Pattern, String> e : FORBIDDEN.entrySet()) {
                Matcher m = e.getKey().matcher(code);
                if (m.find()) {
                    problems.add(f.path() + ":" + (i + 1) + ": `" + m.group().strip() + "` is outside the allowed vocabulary: overlays may not use "
                            + e.getValue());
                }
            }
        }
    }

    static String annotationValue(AnnotationDescr a) {
        String v = String.valueOf(a.getSingleValue()).strip();
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }

    static int lineOf(String text, String token) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(token)) {
                return i + 1;
            }
        }
        return 1;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replace('\n', ' ').strip();
    }

    /**
     * Compiles checked overlay files with the executable model.
     *
     * @return the compiled packages
     * @throws org.smpolicy.PolicyLoadException with {@code file:line: message} for each compile error
     */
    static Collection<KiePackage> compile(String school, List<Parsed> parsed, ClassLoader loader) {
        KieServices ks = KieServices.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        String artifact = school.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        ReleaseId id = ks.newReleaseId("org.smpolicy.overlay", artifact.isEmpty() ? "school" : artifact, "1.0." + BUILDS.incrementAndGet());
        kfs.generateAndWritePomXML(id);
        Map<String, Parsed> byPath = new HashMap<>();
        for (Parsed p : parsed) {
            String path = "src/main/resources/" + p.descr().getNamespace().replace('.', '/') + "/" + p.file().path().getFileName();
            kfs.write(path, p.file().text());
            byPath.put(path, p);
        }
        KieBuilder kb = ks.newKieBuilder(kfs, loader).buildAll(ExecutableModelProject.class);
        List<Message> errors = kb.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            List<String> problems = new ArrayList<>();
            for (Message m : errors) {
                Parsed p = m.getPath() == null ? null : byPath.get(m.getPath());
                Path file = p == null ? (parsed.size() == 1 ? parsed.get(0).file().path() : Path.of(String.valueOf(m.getPath()))) : p.file().path();
                int line = m.getLine();
                if (line <= 0) {
                    line = guessLine(m.getText(), p == null && parsed.size() == 1 ? parsed.get(0) : p);
                }
                problems.add(file + ":" + line + ": " + oneLine(m.getText()));
            }
            ks.getRepository().removeKieModule(id);
            throw new org.smpolicy.PolicyLoadException(problems);
        }
        KieContainer container = ks.newKieContainer(id, loader);
        try {
            KieBase base = container.getKieBase();
            return new ArrayList<>(base.getKiePackages());
        } finally {
            container.dispose();
            ks.getRepository().removeKieModule(id);
        }
    }

    // The executable model often reports errors without a line; point at the rule it names.
    private static int guessLine(String message, Parsed p) {
        if (p == null || message == null) {
            return 1;
        }
        for (RuleDescr r : p.descr().getRules()) {
            if (message.contains(r.getName())) {
                return r.getLine();
            }
        }
        return p.descr().getRules().isEmpty() ? 1 : p.descr().getRules().get(0).getLine();
    }
}
