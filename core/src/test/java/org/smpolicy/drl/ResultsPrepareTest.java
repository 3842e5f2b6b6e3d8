package org.smpolicy.drl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.junit.jupiter.api.Test;
import org.smpolicy.Effect;

/** A rule's metadata is parsed when its rule base is built, kept in that rule, and not parsed again. */
class ResultsPrepareTest {

    static RuleImpl rule(String name, String clause, String outcome) {
        RuleImpl r = new RuleImpl(name);
        r.addMetaAttribute("clause", clause);
        r.addMetaAttribute("outcome", outcome);
        return r;
    }

    @Test
    void preparedMetadataIsKeptInTheRuleItself() {
        RuleImpl deny = rule("publish.x", "11.b, 3.a", "DENY");
        Results.prepare(deny);
        Results.Meta prepared = Results.meta(deny);
        assertThat(prepared.clauses()).containsExactly("11.b", "3.a");
        assertThat(prepared.effect()).isEqualTo(Effect.DENY);
        // read from the rule, not parsed again: the same object each firing
        assertThat(Results.meta(deny)).isSameAs(prepared);
    }

    @Test
    void twoRulesWithOneNameKeepTheirOwnMetadata() {
        // Drools' Rule.equals is package and name: two schools' rule bases may hold such a pair.
        RuleImpl a = rule("school.same", "11.b", "DENY");
        RuleImpl b = rule("school.same", "10.a-d", "NOTE");
        Results.prepare(a);
        Results.prepare(b);
        assertThat(Results.meta(a).effect()).isEqualTo(Effect.DENY);
        assertThat(Results.meta(b).effect()).isEqualTo(Effect.NOTE);
        assertThat(Results.meta(b).clauses()).isEqualTo(List.of("10.a-d"));
    }

    @Test
    void aRuleWithoutMetadataIsRefusedWhenPrepared() {
        assertThatThrownBy(() -> Results.prepare(new RuleImpl("x.bare"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no @clause metadata");
    }
}
