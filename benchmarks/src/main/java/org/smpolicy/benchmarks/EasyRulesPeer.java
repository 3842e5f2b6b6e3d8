package org.smpolicy.benchmarks;

import org.jeasy.rules.api.Facts;
import org.jeasy.rules.api.Rules;
import org.jeasy.rules.api.RulesEngine;
import org.jeasy.rules.core.DefaultRulesEngine;
import org.jeasy.rules.core.RuleBuilder;
import org.smpolicy.model.EngagementRequest;
import org.smpolicy.model.PublishRequest;

/**
 * The two headline rules in Easy Rules, as its documentation recommends: rules built once with
 * {@link RuleBuilder}, a {@link DefaultRulesEngine}, and {@link Facts} per decision.
 */
public final class EasyRulesPeer {

    private final Rules rules = new Rules();
    private final RulesEngine engine = new DefaultRulesEngine();

    public EasyRulesPeer() {
        rules.register(new RuleBuilder().name("publish.student-image-personal-account").description("11.b").priority(1)
                .when(f -> f.get("publish") != null && Headline.studentImageOnPersonalAccount(f.get("publish")))
                .then(f -> f.put("deny", "11.b"))
                .build());
        rules.register(new RuleBuilder().name("engagement.personal-account-student-under-18").description("12.b.i").priority(2)
                .when(f -> f.get("engagement") != null && Headline.personalEngagementWithMinor(f.get("engagement")))
                .then(f -> f.put("deny", "12.b.i"))
                .build());
    }

    /** @return the clause that denies the request, or null when it is allowed */
    public String decide(Object request) {
        Facts facts = new Facts();
        if (request instanceof PublishRequest p) {
            facts.put("publish", p);
        } else if (request instanceof EngagementRequest e) {
            facts.put("engagement", e);
        }
        engine.fire(rules, facts);
        return facts.get("deny");
    }
}
