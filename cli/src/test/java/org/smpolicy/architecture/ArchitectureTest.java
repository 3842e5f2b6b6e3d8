package org.smpolicy.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;
import org.smpolicy.cli.archfixture.ReachesIntoTheEngine;
import org.smpolicy.cli.archfixture.TouchesDrools;

/**
 * The layering, checked on the compiled classes of every deployed module on this class path
 * (core, rules, testkit, server, cli). Each rule is also shown to catch a class that breaks it
 * (fixtures in the test sources), so that a rule that can never fail does not pass for green.
 */
class ArchitectureTest {

    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.smpolicy");

    /**
     * The engine is package-private in {@code org.smpolicy} (the compiler keeps everyone out); the
     * overlay compiler it uses is public only for it: products and rules modules never reach it.
     * Core's own layering is checked in core (CoreLayersTest).
     */
    static final ArchRule OVERLAY_COMPILER_ONLY_FROM_CORE = noClasses()
            .that().resideOutsideOfPackages("org.smpolicy", "org.smpolicy.overlay..")
            .should().dependOnClassesThat().resideInAPackage("org.smpolicy.overlay..")
            .because("hosts, products and DRL use the facade and org.smpolicy.drl, never the engine or the overlay compiler");

    /** Drools and KIE types stay inside the engine and the DRL-author package. */
    static final ArchRule DROOLS_ONLY_IN_CORE = noClasses()
            .that().resideInAnyPackage("org.smpolicy.io..", "org.smpolicy.diagnostic..", "org.smpolicy.model..",
                    "org.smpolicy.calendar..", "org.smpolicy.decision..", "org.smpolicy.catalogue..", "org.smpolicy.recheck..",
                    "org.smpolicy.text..", "org.smpolicy.profile..", "org.smpolicy.json..", "org.smpolicy.log..",
                    "org.smpolicy.testkit..", "org.smpolicy.server..", "org.smpolicy.cli..", "org.smpolicy.examples..")
            .should().dependOnClassesThat().resideInAnyPackage("org.drools..", "org.kie..")
            .because("only the engine (package-private in org.smpolicy), the overlay compiler and the DRL-author helpers may touch Drools");

    @Test
    void onlyTheFacadeUsesTheOverlayCompiler() {
        OVERLAY_COMPILER_ONLY_FROM_CORE.check(MAIN);
    }

    @Test
    void onlyCoreTouchesDroolsTypes() {
        DROOLS_ONLY_IN_CORE.check(MAIN);
    }

    @Test
    void eachRuleCatchesAClassThatBreaksIt() {
        JavaClasses broken = new ClassFileImporter().importClasses(ReachesIntoTheEngine.class, TouchesDrools.class);
        assertThat(OVERLAY_COMPILER_ONLY_FROM_CORE.evaluate(broken).hasViolation()).isTrue();
        assertThat(DROOLS_ONLY_IN_CORE.evaluate(broken).hasViolation()).isTrue();
    }

    @Test
    void theImportCoversEveryDeployedModule() {
        assertThat(MAIN.containPackage("org.smpolicy.overlay")).isTrue();
        assertThat(MAIN.containPackage("org.smpolicy.cli")).isTrue();
        assertThat(MAIN.containPackage("org.smpolicy.server")).isTrue();
        assertThat(MAIN.containPackage("org.smpolicy.testkit")).isTrue();
    }
}
