package org.smpolicy.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.smpolicy.SocialMediaPolicy;
import org.smpolicy.catalogue.Clause;
import org.smpolicy.catalogue.ClauseCatalogue;
import org.smpolicy.catalogue.RuleInfo;
import org.smpolicy.catalogue.Treatment;

/** Every clause has its treatment, every rule cites real clauses: the catalogue and the DRL agree. */
class TraceabilityTest {

    final SocialMediaPolicy policy = Policies.baseline();
    final ClauseCatalogue catalogue = policy.clauses();

    @Test
    void everyRuleCitesOnlyCataloguedClausesAndStatesItsOutcome() {
        assertThat(policy.rules()).isNotEmpty();
        for (RuleInfo r : policy.rules()) {
            assertThat(r.clauses()).as("@clause of %s", r.id()).isNotEmpty();
            for (String c : r.clauses()) {
                assertThat(catalogue.contains(c)).as("rule %s cites %s", r.id(), c).isTrue();
            }
            assertThat(org.smpolicy.decision.RuleEffect.parse(r.outcome())).as("@outcome of %s", r.id()).isPresent();
            assertThat(r.id()).as("rule id").matches("[a-z]+\\.[a-z0-9-]+");
        }
    }

    @Test
    void everyClauseHasItsTreatmentCarriedOut() {
        List<String> gaps = new ArrayList<>();
        for (Clause c : catalogue.clauses()) {
            assertThat(c.note()).as("note of clause %s", c.id()).isNotBlank();
            if (!c.treatment().needsRule()) {
                continue;
            }
            boolean carried = policy.rules().stream()
                    .anyMatch(r -> r.clauses().contains(c.id()) && r.carriesOut(c.treatment()));
            if (!carried) {
                gaps.add(c.id() + " (" + c.treatment() + ")");
            }
        }
        assertThat(gaps).as("clauses whose treatment no rule carries out").isEmpty();
    }

    /** The shipped catalogue is the project's clauses.md, row for row (checked when shared/ is beside the clone). */
    @Test
    void catalogueMatchesClausesMd() throws IOException {
        Path md = Path.of("../../shared/policy/clauses.md");
        assumeTrue(Files.exists(md), "shared/policy/clauses.md is not beside this checkout");
        Map<String, String> rows = new LinkedHashMap<>();
        Pattern row = Pattern.compile("^\\| ([^|]+?) \\| (.+?) \\| ([^|]+?) \\|$");
        for (String line : Files.readAllLines(md)) {
            Matcher m = row.matcher(line.strip());
            if (m.matches() && Character.isDigit(m.group(1).charAt(0))) {
                rows.put(m.group(1), m.group(3));
            }
        }
        assertThat(catalogue.clauses()).extracting(Clause::id).containsExactlyElementsOf(rows.keySet());
        for (Clause c : catalogue.clauses()) {
            String named = rows.get(c.id()).split("[ (]")[0].toUpperCase(java.util.Locale.ROOT);
            if (named.equals("RULE") && c.treatment() == Treatment.JUDGEMENT
                    || named.equals("RULE") && c.treatment() == Treatment.OBLIGATION) {
                // 11.c "rule (list) + judgement" and 7.e "rule + obligation": the catalogue names both; see the note.
                assertThat(rows.get(c.id())).contains(c.treatment().name().toLowerCase(java.util.Locale.ROOT));
                continue;
            }
            assertThat(c.treatment().name()).as("treatment of %s", c.id()).isEqualTo(named);
        }
    }
}
