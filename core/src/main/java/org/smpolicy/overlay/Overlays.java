package org.smpolicy.overlay;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.drools.drl.ast.descr.AnnotationDescr;
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
import org.smpolicy.catalogue.ClauseCatalogue;
import org.smpolicy.decision.ClauseIds;
import org.smpolicy.decision.RuleEffect;
import org.smpolicy.diagnostic.Diagnostic;
import org.smpolicy.profile.SchoolProfile.OverlayFile;

/**
 * Checks and compiles a school's overlay DRL. Checks run on the parsed DRL before anything is
 * compiled: syntax, package, imports, metadata and the right-hand-side sandbox. Compilation uses
 * the executable model, like the baseline kjar: the two models must never be mixed in one
 * KieBase (it builds, then silently gives wrong answers).
 */
public final class Overlays {

    private static final AtomicLong BUILDS = new AtomicLong();

    /** Baseline packages; an overlay rule there would merge with (or clash with) baseline rules. */
    static final String BASELINE_PACKAGE = "org.smpolicy.rules";

    private Overlays() {
    }

    /** A parsed overlay file and the rules it adds. */
    public record Parsed(OverlayFile file, PackageDescr descr) {
    }

    /**
     * Parses and checks every overlay file; adds each rule's source to {@code ruleSources}.
     *
     * @return the problems, each at its file and line; empty when all is well
     */
    public static List<Diagnostic> check(List<OverlayFile> files, ClauseCatalogue catalogue, Set<String> baselineRules,
                              Map<String, String> ruleSources, List<Parsed> parsed) {
        List<Diagnostic> problems = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (OverlayFile f : files) {
            String where = f.path().toString();
            DrlParser parser = new DrlParser();
            PackageDescr descr;
            try {
                descr = parser.parse(false, f.text());
            } catch (DroolsParserException e) {
                problems.add(Diagnostic.profile(where, 1, oneLine(e.getMessage())));
                continue;
            } catch (StackOverflowError e) {
                problems.add(Diagnostic.profile(where, 1, "the file is nested too deeply to read"));
                continue;
            }
            if (parser.hasErrors() || descr == null) {
                for (DroolsError e : parser.getErrors()) {
                    int[] lines = e.getLines();
                    problems.add(Diagnostic.profile(where, lines.length > 0 && lines[0] > 0 ? lines[0] : 1, oneLine(e.getMessage())));
                }
                continue;
            }
            List<Diagnostic> refused;
            try {
                refused = OverlayAllowlist.check(where, f.text(), descr);
            } catch (StackOverflowError e) {
                refused = List.of(Diagnostic.profile(where, 1, "the file is nested too deeply to check"));
            }
            problems.addAll(refused);
            for (RuleDescr r : descr.getRules()) {
                String id = r.getName();
                int line = r.getLine();
                if (baselineRules.contains(id) || seen.containsKey(id)) {
                    problems.add(Diagnostic.profile(where, line, "rule id `" + OverlayText.safe(id) + "` is already used by "
                            + (baselineRules.contains(id) ? "the baseline" : seen.get(id)) + "; give it a new id"));
                }
                seen.put(id, where);
                ruleSources.put(id, where);
                AnnotationDescr clause = r.getAnnotation("clause");
                List<String> clauses = ClauseIds.parse(clause == null ? null : annotationValue(clause));
                if (clauses.isEmpty()) {
                    problems.add(Diagnostic.profile(where, line, "rule `" + OverlayText.safe(id) + "` has no @clause metadata naming the clause it enforces"));
                }
                for (String c : clauses) {
                    if (!catalogue.contains(c)) {
                        problems.add(Diagnostic.profile(where, line, "rule `" + OverlayText.safe(id) + "` cites clause `" + OverlayText.safe(c) + "`, which the policy does not have"));
                    }
                }
                if (r.getAnnotation("outcome") == null) {
                    problems.add(Diagnostic.profile(where, line, "rule `" + OverlayText.safe(id) + "` needs @outcome, one of " + List.of(RuleEffect.values())));
                }
            }
            if (!refused.isEmpty()) {
                continue;
            }
            parsed.add(new Parsed(f, descr));
        }
        return problems;
    }

    public static String annotationValue(AnnotationDescr a) {
        String v = String.valueOf(a.getSingleValue()).strip();
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replace('\n', ' ').strip();
    }

    /**
     * Compiles checked overlay files with the executable model.
     *
     * @return the compiled packages
     * @throws org.smpolicy.diagnostic.PolicyLoadException with a problem at its file and line for each compile error
     */
    public static Collection<KiePackage> compile(String school, List<Parsed> parsed, ClassLoader loader) {
        // Compiled and linked where only the allowlisted packages are visible (defence in depth).
        return compileIn(school, parsed, new OverlayClassLoader(loader));
    }

    /** Compiles in exactly this class loader; tests use it to show what the sandbox stops. */
    static Collection<KiePackage> compileIn(String school, List<Parsed> parsed, ClassLoader sandbox) {
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
        KieBuilder kb = ks.newKieBuilder(kfs, sandbox).buildAll(ExecutableModelProject.class);
        List<Message> errors = kb.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            List<Diagnostic> problems = new ArrayList<>();
            for (Message m : errors) {
                Parsed p = m.getPath() == null ? null : byPath.get(m.getPath());
                Path file = p == null ? (parsed.size() == 1 ? parsed.get(0).file().path() : Path.of(String.valueOf(m.getPath()))) : p.file().path();
                int line = m.getLine();
                if (line <= 0) {
                    line = guessLine(m.getText(), p == null && parsed.size() == 1 ? parsed.get(0) : p);
                }
                problems.add(Diagnostic.profile(file.toString(), line, oneLine(m.getText())));
            }
            ks.getRepository().removeKieModule(id);
            throw org.smpolicy.diagnostic.PolicyLoadException.of(problems);
        }
        KieContainer container = ks.newKieContainer(id, sandbox);
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
