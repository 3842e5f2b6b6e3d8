package org.smpolicy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.smpolicy.catalogue.ClauseCatalogue;
import org.smpolicy.catalogue.RuleInfo;

class ValidationTest {

    static ClauseCatalogue catalogue() throws IOException {
        try (InputStream in = ValidationTest.class.getResourceAsStream("/test-catalogue.json")) {
            return ClauseCatalogue.read(in, "test-catalogue.json");
        }
    }

    static List<String> problems(List<RuleInfo> rules, org.smpolicy.catalogue.ClauseCatalogue catalogue, String where) {
        return Validation.metadataProblems(rules, catalogue, where).stream().map(org.smpolicy.diagnostic.Diagnostic::text).toList();
    }

    static RuleInfo rule(String id, List<String> clauses, String outcome) {
        return new RuleInfo(id, "org.x", clauses, outcome, "baseline", Optional.empty());
    }

    @Test
    void ruleWithoutClauseMetadataIsAProblem() throws IOException {
        assertThat(problems(List.of(rule("publish.a", List.of(), "DENY")), catalogue(), "baseline"))
                .containsExactly("baseline: rule `publish.a` has no @clause metadata");
    }

    @Test
    void ruleCitingAnUnknownClauseIsAProblem() throws IOException {
        assertThat(problems(List.of(rule("publish.a", List.of("11.b", "99.z"), "DENY")), catalogue(), "baseline"))
                .containsExactly("baseline: rule `publish.a` cites clause `99.z`, which the catalogue does not have");
    }

    @Test
    void ruleWithAnUnknownOutcomeIsAProblem() throws IOException {
        assertThat(problems(List.of(rule("publish.a", List.of("11.b"), "MAYBE")), catalogue(), "baseline"))
                .singleElement().asString().contains("@outcome `MAYBE`");
    }

    @Test
    void wellFormedRulePasses() throws IOException {
        assertThat(problems(List.of(rule("publish.a", List.of("11.b"), "DENY")), catalogue(), "baseline")).isEmpty();
    }

    @Test
    void policyIsOverdueAfterItsReviewDate() throws IOException {
        ClauseCatalogue c = catalogue();
        assertThat(c.status(LocalDate.of(2025, 1, 31)).overdue()).isFalse();
        assertThat(c.status(LocalDate.of(2025, 2, 1)).overdue()).isTrue();
        assertThat(c.status(LocalDate.of(2026, 11, 25)).summary()).contains("OVERDUE");
    }

    /** A profile's problems found by the engine are values too: an unknown disabled rule is quoted apart from the words, at its line. */
    @Test
    void anUnknownDisabledRuleIsQuotedApartAtItsLine() {
        org.smpolicy.profile.SchoolProfile profile = org.smpolicy.profile.SchoolProfile.read("shipped/p", java.util.Map.of("profile.json",
                ("{\n  \"profileVersion\": 1,\n  \"name\": \"P\",\n  \"disable\": [\n    {\"rule\": \"no.such.rule\", \"reason\": \"r\"}\n  ]\n}\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        List<org.smpolicy.diagnostic.Diagnostic> found = Validation.profileProblems(profile, java.util.Map.of("publish.a", "DENY"));
        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.message()).isEqualTo("unknown rule id {} in disable");
            assertThat(d.value()).isEqualTo("no.such.rule");
            assertThat(d.line()).isEqualTo(5);
            assertThat(d.text()).endsWith("profile.json:5: unknown rule id `no.such.rule` in disable");
        });
    }
}
