package org.smpolicy.spark;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/** The Spark job is a host like any other: the facade and the JSON codec, never the engine or Drools. */
class SparkLayeringTest {

    static final ArchRule HOST_ONLY = noClasses().that().resideInAPackage("org.smpolicy.spark..")
            .should().dependOnClassesThat().resideInAnyPackage("org.smpolicy.internal..", "org.drools..", "org.kie..")
            .because("a product uses SocialMediaPolicy and JsonCodec; the engine stays core's business");

    @Test
    void theJobUsesOnlyThePublicApi() {
        JavaClasses main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.smpolicy.spark");
        assertThat(main.contain(RedecideJob.class)).isTrue();
        HOST_ONLY.check(main);
    }

    @Test
    void theRuleCatchesAJobThatReachesIntoTheEngine() {
        assertThat(HOST_ONLY.evaluate(new ClassFileImporter().importClasses(ReachesIntoTheEngine.class)).hasViolation()).isTrue();
    }

    /** A fixture that breaks the rule. */
    static final class ReachesIntoTheEngine {
        Object engine() {
            return org.kie.api.KieServices.Factory.get();
        }
    }
}
