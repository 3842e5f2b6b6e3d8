package org.smpolicy.spring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.smpolicy.SocialMediaPolicy;
import org.smpolicy.decision.Decision;
import org.smpolicy.log.DecisionLog;
import org.smpolicy.model.PolicyRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The policy as a Spring bean, built once from {@link SmpolicyProperties} (a broken profile stops
 * the application from starting, with one {@code file:line: message} per problem); a health
 * indicator ({@code smpolicy}: the profile, the rules, the policy version, whether the policy is
 * overdue for review), when Spring Boot Actuator is there; and, when the host has a Micrometer
 * registry, a counter of decisions by request type and outcome ({@code smpolicy.decisions}) and a
 * gauge of the rules in force ({@code smpolicy.rules}). With {@code smpolicy.warm-up}, the policy
 * decides generated requests before the application is ready ({@link org.smpolicy.WarmUp}), uncounted. A host's own {@code SocialMediaPolicy}
 * bean replaces the policy. Nothing else of the library knows Spring.
 */
@AutoConfiguration
@EnableConfigurationProperties(SmpolicyProperties.class)
public class SmpolicyAutoConfiguration {

    /**
     * @param properties the {@code smpolicy.*} properties
     * @param meters     decision meters, when Micrometer is on the class path
     * @return the policy
     */
    @Bean
    @ConditionalOnMissingBean
    public SocialMediaPolicy socialMediaPolicy(SmpolicyProperties properties, ObjectProvider<DecisionMeters> meters) {
        SocialMediaPolicy.Builder b = SocialMediaPolicy.builder().budgets(properties.getDecisionTime(), properties.getThreads());
        if (properties.getProfile() != null) {
            b.profile(properties.getProfile());
        }
        if (properties.getHolidays() != null) {
            b.holidays(properties.getHolidays());
        }
        DecisionMeters m = meters.getIfAvailable();
        if (m != null) {
            b.decisionLog(m);
        }
        SocialMediaPolicy policy = b.build();
        if (m != null) {
            m.bind(policy);
        }
        return policy;
    }

    /**
     * The warm-up, when {@code smpolicy.warm-up} is set: an application runner, so after the web
     * server starts and before the application is ready; for a host's own policy bean too.
     *
     * @param policy     the policy
     * @param properties the {@code smpolicy.*} properties
     * @return the runner, which keeps what the warm-up did
     */
    @Bean
    @ConditionalOnProperty("smpolicy.warm-up")
    public SmpolicyWarmUp smpolicyWarmUp(SocialMediaPolicy policy, SmpolicyProperties properties) {
        return new SmpolicyWarmUp(policy, properties);
    }

    /** What the policy reports to the host's meters: every decision, and the policy itself. */
    public interface DecisionMeters extends DecisionLog {
        /** @param policy the policy built, whose rules a gauge follows */
        void bind(SocialMediaPolicy policy);
    }

    /** Decision meters, when Micrometer is on the class path (and the host has a registry). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    static class Meters {
        @Bean
        DecisionMeters smpolicyDecisionMeters(ObjectProvider<MeterRegistry> registry) {
            return new MicrometerMeters(registry);
        }
    }

    /** The health indicator, when Spring Boot Actuator is on the class path. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    static class HealthCheck {
        @Bean
        @ConditionalOnMissingBean(name = "smpolicyHealthIndicator")
        HealthIndicator smpolicyHealthIndicator(SocialMediaPolicy policy) {
            return () -> Health.up().withDetail("profile", policy.profile()).withDetail("rules", policy.rules().size())
                    .withDetail("policyVersion", policy.clauses().version())
                    .withDetail("overdueForReview", policy.status().overdue()).build();
        }
    }

    /** Counts decisions by request type and outcome; records nothing about the request itself. */
    static final class MicrometerMeters implements DecisionMeters {
        private final ObjectProvider<MeterRegistry> registry;
        private final ConcurrentMap<String, Counter> counters = new ConcurrentHashMap<>();

        MicrometerMeters(ObjectProvider<MeterRegistry> registry) {
            this.registry = registry;
        }

        @Override
        public void bind(SocialMediaPolicy policy) {
            MeterRegistry r = registry.getIfAvailable();
            if (r != null) {
                Gauge.builder("smpolicy.rules", policy, p -> p.rules().size()).description("rules in force")
                        .tag("profile", policy.profile()).register(r);
            }
        }

        @Override
        public void record(PolicyRequest request, Decision decision, Instant at) {
            Counter c = counters.computeIfAbsent(decision.requestType() + "/" + decision.outcome(), k -> {
                MeterRegistry r = registry.getIfAvailable();
                return r == null ? null : Counter.builder("smpolicy.decisions").description("decisions made, by request type and outcome")
                        .tag("type", decision.requestType()).tag("outcome", decision.outcome().name()).register(r);
            });
            if (c != null) {
                c.increment();
            }
        }
    }
}
