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

    static RuleInfo rule(String id, List<String> clauses, String outcome) {
        return new RuleInfo(id, "org.x", clauses, outcome, "baseline", Optional.empty());
    }

    @Test
    void ruleWithoutClauseMetadataIsAProblem() throws IOException {
        assertThat(Validation.metadataProblems(List.of(rule("publish.a", List.of(), "DENY")), catalogue(), "baseline"))
                .containsExactly("baseline: rule `publish.a` has no @clause metadata");
    }

    @Test
    void ruleCitingAnUnknownClauseIsAProblem() throws IOException {
        assertThat(Validation.metadataProblems(List.of(rule("publish.a", List.of("11.b", "99.z"), "DENY")), catalogue(), "baseline"))
                .containsExactly("baseline: rule `publish.a` cites clause `99.z`, which the catalogue does not have");
    }

    @Test
    void ruleWithAnUnknownOutcomeIsAProblem() throws IOException {
        assertThat(Validation.metadataProblems(List.of(rule("publish.a", List.of("11.b"), "MAYBE")), catalogue(), "baseline"))
                .singleElement().asString().contains("@outcome `MAYBE`");
    }

    @Test
    void wellFormedRulePasses() throws IOException {
        assertThat(Validation.metadataProblems(List.of(rule("publish.a", List.of("11.b"), "DENY")), catalogue(), "baseline")).isEmpty();
    }

    @Test
    void policyIsOverdueAfterItsReviewDate() throws IOException {
        ClauseCatalogue c = catalogue();
        assertThat(c.status(LocalDate.of(2025, 1, 31)).overdue()).isFalse();
        assertThat(c.status(LocalDate.of(2025, 2, 1)).overdue()).isTrue();
        assertThat(c.status(LocalDate.of(2026, 11, 25)).summary()).contains("OVERDUE");
    }
}
