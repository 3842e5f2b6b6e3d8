package org.smpolicy.drl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.junit.jupiter.api.Test;
import org.smpolicy.decision.Effect;

/**
 * A rule's metadata is read one way ({@link RuleMeta}); the engine keeps what it read in the rule
 * when its rule base is built, and a firing takes it from there rather than parsing it again.
 */
class RuleMetaTest {

    static RuleImpl rule(String name, String clause, String outcome) {
        RuleImpl r = new RuleImpl(name);
        r.addMetaAttribute("clause", clause);
        r.addMetaAttribute("outcome", outcome);
        return r;
    }

    /** What the engine does when it builds a rule base. */
    static void keep(RuleImpl r) {
        r.addMetaAttribute(RuleMeta.KEY, RuleMeta.read(r));
    }

    @Test
    void keptMetadataIsReadFromTheRuleItself() {
        RuleImpl deny = rule("publish.x", "11.b, 3.a", "\"DENY\"");
        keep(deny);
        RuleMeta kept = RuleMeta.firing(deny);
        assertThat(kept.clauses()).containsExactly("11.b", "3.a");
        assertThat(kept.finding()).isEqualTo(Effect.DENY);
        // read from the rule, not parsed again: the same object each firing
        assertThat(RuleMeta.firing(deny)).isSameAs(kept);
        assertThat(RuleMeta.firing(rule("publish.x", "11.b", "DENY"))).isNotSameAs(RuleMeta.firing(rule("publish.x", "11.b", "DENY")));
    }

    @Test
    void twoRulesWithOneNameKeepTheirOwnMetadata() {
        // Drools' Rule.equals is package and name: two schools' rule bases may hold such a pair.
        RuleImpl a = rule("school.same", "11.b", "DENY");
        RuleImpl b = rule("school.same", "10.a-d", "NOTE");
        keep(a);
        keep(b);
        assertThat(RuleMeta.firing(a).finding()).isEqualTo(Effect.DENY);
        assertThat(RuleMeta.firing(b).finding()).isEqualTo(Effect.NOTE);
        assertThat(RuleMeta.firing(b).clauses()).isEqualTo(List.of("10.a-d"));
    }

    @Test
    void readingJudgesNothingAndFiringRefusesWhatIsMissingOrUnknown() {
        RuleImpl bare = new RuleImpl("x.bare");
        assertThat(RuleMeta.read(bare)).isEqualTo(new RuleMeta(List.of(), ""));
        assertThatThrownBy(() -> RuleMeta.firing(bare)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no @clause metadata");
        assertThatThrownBy(() -> RuleMeta.firing(rule("x.odd", "11.b", "MAYBE"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has @outcome `MAYBE`");
    }
}
