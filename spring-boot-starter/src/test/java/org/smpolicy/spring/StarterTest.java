package org.smpolicy.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smpolicy.SocialMediaPolicy;
import org.smpolicy.decision.Decision;
import org.smpolicy.decision.Outcome;
import org.smpolicy.json.JsonCodec;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/** A Spring Boot application that adds only the starter gets the policy, its health and its meters. */
class StarterTest {

    @TempDir
    Path tmp;

    /** A host application: its own meter registry, nothing of smpolicy configured by hand. */
    @SpringBootApplication
    static class Host {
        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    static ConfigurableApplicationContext start(String... properties) {
        return new SpringApplicationBuilder(Host.class).web(WebApplicationType.NONE).properties(properties).run();
    }

    @Test
    void theSchoolsPolicyIsABeanWithHealthAndMeters() throws Exception {
        try (ConfigurableApplicationContext context = start("smpolicy.profile=../examples/schools/merriott", "smpolicy.decision-time=500ms")) {
            SocialMediaPolicy policy = context.getBean(SocialMediaPolicy.class);
            assertThat(policy.profile()).isEqualTo("Merriott Primary School");
            Decision d = policy.decide(JsonCodec.strict().readRequest(Files.readString(Path.of("../examples/requests/student-photo-personal-account.json"))));
            assertThat(d.outcome()).isEqualTo(Outcome.DENY);
            MeterRegistry meters = context.getBean(MeterRegistry.class);
            assertThat(meters.get("smpolicy.decisions").tag("type", "publish").tag("outcome", "DENY").counter().count()).isEqualTo(1.0);
            assertThat(meters.get("smpolicy.rules").tag("profile", "Merriott Primary School").gauge().value()).isEqualTo(policy.rules().size());
            var health = context.getBean("smpolicyHealthIndicator", HealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("profile", "Merriott Primary School").containsKey("overdueForReview");
        }
    }

    @Test
    void withoutPropertiesItIsTheBaseline() {
        try (ConfigurableApplicationContext context = start()) {
            assertThat(context.getBean(SocialMediaPolicy.class).profile()).isEqualTo("baseline");
            assertThat(context.getBeansOfType(SmpolicyWarmUp.class)).as("no warm-up unless asked").isEmpty();
        }
    }

    @Test
    void aWarmUpRunsBeforeTheApplicationIsReadyAndIsNotCounted() {
        try (ConfigurableApplicationContext context = start("smpolicy.warm-up=1s", "smpolicy.warm-up-samples=../examples/requests")) {
            org.smpolicy.WarmUp w = context.getBean(SmpolicyWarmUp.class).result().orElseThrow();
            assertThat(w.decisions()).isPositive();
            assertThat(w.failed()).isZero();
            assertThat(context.getBean(MeterRegistry.class).find("smpolicy.decisions").counters()).isEmpty();
        }
        assertThatThrownBy(() -> start("smpolicy.warm-up=-1s")).rootCause().hasMessageContaining("smpolicy.warm-up");
        assertThatThrownBy(() -> start("smpolicy.warm-up=1s", "smpolicy.warm-up-samples=" + tmp.resolve("absent")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageEndingWith("absent: not a directory");
    }

    @Test
    void aBrokenProfileStopsTheApplicationNamingTheFileAndLine() throws Exception {
        Files.writeString(tmp.resolve("profile.json"), "{\n  \"profileVersion\": 1,\n  \"name\": \"Broken\",\n  \"colour\": \"red\"\n}\n");
        assertThatThrownBy(() -> start("smpolicy.profile=" + tmp))
                .rootCause().hasMessageContaining(tmp.resolve("profile.json") + ":4: unknown field `colour`");
    }
}
