package org.smpolicy.overlay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.drools.drl.parser.DrlParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smpolicy.diagnostic.PolicyLoadException;
import org.smpolicy.profile.SchoolProfile.OverlayFile;

/**
 * Defence in depth: an overlay that the allowlist would refuse, compiled here without the
 * allowlist, cannot be built against anything outside it. The same overlay builds with an
 * unrestricted class loader, so the sandbox, not a mistake in the DRL, is what stops it. Nothing
 * in these overlays is ever run.
 */
class OverlayClassLoaderTest {

    static List<Overlays.Parsed> parse(String rhs) throws Exception {
        String drl = "package org.school.sandbox;\nimport org.smpolicy.drl.Results;\nimport org.smpolicy.model.*;\n"
                + "rule \"sandbox.escape\"\n    @clause(\"11.a\")\n    @outcome(\"NOTE\")\nwhen\n    PublishRequest()\nthen\n    " + rhs + "\nend\n";
        return List.of(new Overlays.Parsed(new OverlayFile(Path.of("escape.drl"), drl), new DrlParser().parse(false, drl)));
    }

    @org.junit.jupiter.api.Test
    void allowedCodeBuildsInTheOverlayClassLoader() throws Exception {
        assertThat(Overlays.compileIn("benign", parse("Results.find(kcontext, \"a note \" + 1);"),
                new OverlayClassLoader(getClass().getClassLoader()))).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Runtime.getRuntime().exec(\"id\");",
            "ProcessHandle.current().parent().ifPresent(ProcessHandle::destroy);",
            "System.setProperty(\"smpolicy.escaped\", \"yes\");",
            "java.nio.file.Files.writeString(java.nio.file.Path.of(\"/tmp/smpolicy-escaped\"), \"x\");",
            "new java.net.Socket(\"localhost\", 9);",
            "Results.class.getClassLoader().loadClass(\"java.lang.Runtime\");",
            "String.class.getMethod(\"length\").invoke(\"x\");",
            "new Thread(() -> {}).start();",
            "new java.util.Timer();",
            "new java.util.Formatter(\"/tmp/smpolicy-escaped\");",
            // issue 22, row 15: a second rule base, built through Kie's API in an unrestricted loader
            "org.kie.api.KieServices.Factory.get().newKieContainer(org.kie.api.KieServices.Factory.get().newReleaseId(\"a\", \"b\", \"1\"));",
            "org.kie.api.KieServices.get().getKieClasspathContainer().newKieSession().fireAllRules();",
            "((org.drools.core.common.InternalAgenda) null).fireUntilHalt();"})
    void forbiddenCodeDoesNotBuildInTheOverlayClassLoader(String rhs) throws Exception {
        ClassLoader app = getClass().getClassLoader();
        assertThat(Overlays.compileIn("control", parse(rhs), app)).as("control: builds without the sandbox").isNotEmpty();
        assertThatThrownBy(() -> Overlays.compileIn("sandboxed", parse(rhs), new OverlayClassLoader(app)))
                .isInstanceOf(PolicyLoadException.class)
                .satisfies(e -> assertThat(((PolicyLoadException) e).problems()).anySatisfy(p -> assertThat(p).startsWith("escape.drl:")));
        assertThat(System.getProperty("smpolicy.escaped")).isNull();
    }

    @org.junit.jupiter.api.Test
    void theRuleCompilersAreOutOfReach() {
        // Issue 22, row 15: with a compiler an overlay could build a second rule base in an unrestricted loader.
        assertThat(OverlayClassLoader.allowed("org.drools.model.codegen.ExecutableModelProject")).isFalse();
        assertThat(OverlayClassLoader.allowed("org.drools.compiler.kie.builder.impl.KieBuilderImpl")).isFalse();
        assertThat(OverlayClassLoader.allowed("org.drools.mvel.MVELConstraint")).isFalse();
        assertThat(OverlayClassLoader.allowed("org.drools.compiler.kie.builder.MaterializedLambda")).isTrue();
        assertThat(OverlayClassLoader.allowed("org.smpolicy.drl.Results")).isTrue();
        // Kie's API class by class: what the generated project model names, not containers or sessions
        assertThat(OverlayClassLoader.allowed("org.kie.api.runtime.rule.RuleContext")).isTrue();
        assertThat(OverlayClassLoader.allowed("org.kie.api.runtime.KieContainer")).isFalse();
        assertThat(OverlayClassLoader.allowed("org.kie.api.runtime.KieSession")).isFalse();
        assertThat(OverlayClassLoader.allowed("org.kie.api.builder.KieBuilder")).isFalse();
        assertThat(OverlayClassLoader.allowed("org.drools.core.impl.InternalRuleBase")).isFalse();
        assertThat(OverlayClassLoader.allowed("org.drools.modelcompiler.CanonicalKieModule")).isFalse();
    }
}
