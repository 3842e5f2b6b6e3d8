package org.smpolicy.diagnostic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.smpolicy.diagnostic.Diagnostic.Code;

class DiagnosticTest {

    @Test
    void theValueIsHeldApartAndOnlyTheTextShowsIt() {
        Diagnostic d = Diagnostic.at(Code.INVALID_VALUE, "$.target.dateOfBirth", "birth date {} is after the decision date 2026-11-25", "2031-01-01")
                .inFile("req.json").atLine(7);
        assertThat(d.text()).isEqualTo("req.json:7: $.target.dateOfBirth: birth date `2031-01-01` is after the decision date 2026-11-25");
        assertThat(d.redacted()).isEqualTo("req.json:7: $.target.dateOfBirth: birth date `…` is after the decision date 2026-11-25");
        assertThat(d.message()).doesNotContain("2031");
    }

    @Test
    void aValueCannotForgeALineOrItsOwnPlaceholder() {
        Diagnostic d = Diagnostic.at(Code.INVALID_VALUE, "$.x", "unknown value {}", "a\nb {} `c`");
        assertThat(d.text()).isEqualTo("$.x: unknown value `a\\u000ab {} `c``").doesNotContain("\n");
        assertThat(d.redacted()).isEqualTo("$.x: unknown value `…`");
        // a message without a place for the value gets one at the end
        assertThat(Diagnostic.at(Code.INVALID_VALUE, "$", "not a date", "Jane").redacted()).isEqualTo("$: not a date: `…`");
    }

    @Test
    void underJoinsPathsAndProfileProblemsReadAsText() {
        assertThat(Diagnostic.at(Code.MISSING_FIELD, "$.id", "missing", null).under("$.images[2]").path()).isEqualTo("$.images[2].id");
        assertThat(Diagnostic.at(Code.MISSING_FIELD, "$", "missing", null).under("$.post").path()).isEqualTo("$.post");
        Diagnostic p = Diagnostic.profile("rules/extra.drl", 12, "rule `x` has no @clause");
        assertThat(p.text()).isEqualTo("rules/extra.drl:12: rule `x` has no @clause");
        PolicyLoadException e = PolicyLoadException.of(List.of(p, Diagnostic.profile("profile.json", 0, "$.name", "unknown name {}", "Jane")));
        assertThat(e.problems()).containsExactly("rules/extra.drl:12: rule `x` has no @clause", "profile.json: $.name: unknown name `Jane`");
        assertThat(e.diagnostics()).extracting(Diagnostic::line).containsExactly(12, 0);
    }
}
