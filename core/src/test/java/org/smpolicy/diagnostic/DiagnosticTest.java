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
    void underJoinsPathsAndProfileLinesAreRead() {
        assertThat(Diagnostic.at(Code.MISSING_FIELD, "$.id", "missing", null).under("$.images[2]").path()).isEqualTo("$.images[2].id");
        assertThat(Diagnostic.at(Code.MISSING_FIELD, "$", "missing", null).under("$.post").path()).isEqualTo("$.post");
        Diagnostic p = Diagnostic.ofProfileLine("rules/extra.drl:12: rule `x` has no @clause");
        assertThat(List.of(p.file(), p.line(), p.message())).containsExactly("rules/extra.drl", 12, "rule `x` has no @clause");
        assertThat(p.text()).isEqualTo("rules/extra.drl:12: rule `x` has no @clause");
        assertThat(new PolicyLoadException(List.of("profile.json:3: unknown field `foo`", "no line here")).diagnostics())
                .extracting(Diagnostic::line).containsExactly(3, 0);
    }
}
