package org.smpolicy.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;
import org.smpolicy.cli.archfixture.ReachesIntoTheEngine;
import org.smpolicy.cli.archfixture.TouchesDrools;
import org.smpolicy.model.archfixture.ModelThatKnowsTheFacade;

/**
 * The layering, checked on the compiled classes of every deployed module on this class path
 * (core, rules, testkit, server, cli). Each rule is also shown to catch a class that breaks it
 * (fixtures in the test sources), so that a rule that can never fail does not pass for green.
 */
class ArchitectureTest {

    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.smpolicy");

    /** The model depends on nothing of ours but the exception it throws for bad input. */
    static final ArchRule MODEL_IS_SELF_CONTAINED = classes().that().resideInAPackage("org.smpolicy.model..")
            .should().onlyDependOnClassesThat(JavaClass.Predicates.resideInAnyPackage("java..", "org.smpolicy.model..")
                    .or(JavaClass.Predicates.belongToAnyOf(org.smpolicy.InvalidRequestException.class)))
            .because("the model is the vocabulary every other layer uses; it knows none of them");

    /** The engine is core's business: only the facade reaches into it. */
    static final ArchRule INTERNAL_ONLY_FROM_CORE = noClasses()
            .that().resideOutsideOfPackages("org.smpolicy", "org.smpolicy.internal..")
            .should().dependOnClassesThat().resideInAPackage("org.smpolicy.internal..")
            .because("hosts, products and DRL use the facade and org.smpolicy.drl, never the engine");

    /** Drools and KIE types stay inside the engine and the DRL-author package. */
    static final ArchRule DROOLS_ONLY_IN_CORE = noClasses()
            .that().resideInAnyPackage("org.smpolicy", "org.smpolicy.model..", "org.smpolicy.json..", "org.smpolicy.calendar..",
                    "org.smpolicy.profile..", "org.smpolicy.catalogue..", "org.smpolicy.log..", "org.smpolicy.testkit..",
                    "org.smpolicy.server..", "org.smpolicy.cli..", "org.smpolicy.examples..")
            .should().dependOnClassesThat().resideInAnyPackage("org.drools..", "org.kie..")
            .because("only org.smpolicy.internal (and the RuleContext in org.smpolicy.drl) may touch Drools");

    @Test
    void theModelDependsOnNothingOfOurs() {
        MODEL_IS_SELF_CONTAINED.check(MAIN);
    }

    @Test
    void onlyTheFacadeUsesTheEngine() {
        INTERNAL_ONLY_FROM_CORE.check(MAIN);
    }

    @Test
    void onlyCoreTouchesDroolsTypes() {
        DROOLS_ONLY_IN_CORE.check(MAIN);
    }

    @Test
    void eachRuleCatchesAClassThatBreaksIt() {
        JavaClasses broken = new ClassFileImporter().importClasses(ReachesIntoTheEngine.class, TouchesDrools.class,
                ModelThatKnowsTheFacade.class);
        assertThat(INTERNAL_ONLY_FROM_CORE.evaluate(broken).hasViolation()).isTrue();
        assertThat(DROOLS_ONLY_IN_CORE.evaluate(broken).hasViolation()).isTrue();
        assertThat(MODEL_IS_SELF_CONTAINED.evaluate(broken).hasViolation()).isTrue();
    }

    @Test
    void theImportCoversEveryDeployedModule() {
        assertThat(MAIN.containPackage("org.smpolicy.internal")).isTrue();
        assertThat(MAIN.containPackage("org.smpolicy.cli")).isTrue();
        assertThat(MAIN.containPackage("org.smpolicy.server")).isTrue();
        assertThat(MAIN.containPackage("org.smpolicy.testkit")).isTrue();
    }
}
