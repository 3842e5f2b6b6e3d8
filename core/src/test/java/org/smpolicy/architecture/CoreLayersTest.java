package org.smpolicy.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Core is an acyclic stack of packages (docs/architecture.md draws it): each tier uses only the
 * tiers below it, never its neighbours in the same tier, and the engine is package-private behind
 * the facade. Each rule is shown to catch a class that breaks it (the fixture under
 * {@code org.smpolicy.model.archfixture} in the test sources), so that none passes for green.
 */
class CoreLayersTest {

    /** Bottom to top; the packages of one tier know nothing of each other. */
    static final List<List<String>> TIERS = List.of(
            List.of("org.smpolicy.io..", "org.smpolicy.diagnostic.."),
            List.of("org.smpolicy.model.."),
            List.of("org.smpolicy.calendar.."),
            List.of("org.smpolicy.decision.."),
            List.of("org.smpolicy.catalogue..", "org.smpolicy.recheck.."),
            List.of("org.smpolicy.drl..", "org.smpolicy.text.."),
            List.of("org.smpolicy.profile..", "org.smpolicy.json.."),
            List.of("org.smpolicy.log..", "org.smpolicy.overlay.."),
            List.of("org.smpolicy"));

    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.smpolicy");

    static final JavaClasses WITH_FIXTURE = new ClassFileImporter()
            .withImportOption(location -> !location.contains("/test-classes/") || location.contains("/archfixture/"))
            .importPackages("org.smpolicy");

    static final ArchRule NO_CYCLES = slices().matching("org.smpolicy.(*)..").should().beFreeOfCycles();

    static final ArchRule TIERS_POINT_DOWN = tiersPointDown();

    static ArchRule tiersPointDown() {
        List<ArchRule> rules = new ArrayList<>();
        for (int i = 0; i < TIERS.size(); i++) {
            for (String pkg : TIERS.get(i)) {
                List<String> forbidden = new ArrayList<>();
                for (int j = i; j < TIERS.size(); j++) {
                    for (String other : TIERS.get(j)) {
                        if (!other.equals(pkg)) {
                            forbidden.add(other);
                        }
                    }
                }
                rules.add(noClasses().that().resideInAPackage(pkg)
                        .should().dependOnClassesThat().resideInAnyPackage(forbidden.toArray(String[]::new))
                        .because("core's packages form a stack: a package uses only the tiers below its own"));
            }
        }
        CompositeArchRule all = CompositeArchRule.of(rules.get(0));
        for (ArchRule r : rules.subList(1, rules.size())) {
            all = all.and(r);
        }
        return all;
    }

    /** The engine and its helpers: package-private behind {@code SocialMediaPolicy}. */
    static final List<String> ENGINE = List.of("RuleEngine", "RuleBase", "Evaluation", "Validity", "Validation", "Questions", "Inputs",
            "ProfileCheck");

    @Test
    void corePackagesFormNoCycle() {
        NO_CYCLES.check(MAIN);
    }

    @Test
    void eachTierUsesOnlyTheTiersBelow() {
        TIERS_POINT_DOWN.check(MAIN);
    }

    @Test
    void everyPackageOfCoreHasATier() {
        List<String> tiers = TIERS.stream().flatMap(List::stream).map(p -> p.replace("..", "")).toList();
        assertThat(MAIN.stream().map(JavaClass::getPackageName).distinct()
                .filter(p -> p.equals("org.smpolicy") || p.startsWith("org.smpolicy.")))
                .allSatisfy(p -> assertThat(tiers).anySatisfy(t -> assertThat(p.equals(t) || p.startsWith(t + ".")).isTrue()));
    }

    @Test
    void theEngineIsNotPublicApi() throws Exception {
        for (String name : ENGINE) {
            JavaClass c = MAIN.get("org.smpolicy." + name);
            assertThat(c.getModifiers()).as(name).doesNotContain(JavaModifier.PUBLIC);
        }
        assertThat(Arrays.stream(org.smpolicy.drl.Results.class.getMethods()).map(java.lang.reflect.Method::getName))
                .as("public methods of Results, the DRL-author helper").containsOnly("find", "oblige",
                        "wait", "equals", "toString", "hashCode", "getClass", "notify", "notifyAll");
    }

    @Test
    void eachRuleCatchesAClassThatBreaksIt() {
        assertThat(WITH_FIXTURE.contain("org.smpolicy.model.archfixture.ModelThatKnowsTheDecision")).isTrue();
        assertThat(NO_CYCLES.evaluate(WITH_FIXTURE).hasViolation()).isTrue();
        assertThat(TIERS_POINT_DOWN.evaluate(WITH_FIXTURE).hasViolation()).isTrue();
        assertThat(NO_CYCLES.evaluate(MAIN).hasViolation()).isFalse();
    }
}
