package org.smpolicy.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.smpolicy.SocialMediaPolicy;

/**
 * The playground in a real headless browser: Debian's Chromium driven by playwright-core
 * (server/e2e/playground.mjs) picks the student-photo sample, decides it, and reads what a person
 * sees; fills a blank request in the form generated from the OpenAPI document, without JSON. Needs /usr/bin/chromium, node and server/e2e/node_modules, which .ci/run installs; skipped
 * only when they are absent.
 */
class PlaygroundBrowserTest {

    @Test
    void samplesDecideClearOnChangeSayHowLongTheyHoldAndReportBadRequests() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/chromium")), "no /usr/bin/chromium");
        assumeTrue(Files.isDirectory(Path.of("e2e/node_modules/playwright-core")), "no e2e/node_modules (npm ci --prefix server/e2e)");
        SocialMediaPolicy policy = SocialMediaPolicy.builder()
                .clock(java.time.Clock.fixed(java.time.Instant.parse("2026-11-25T10:00:00Z"), java.time.ZoneOffset.UTC)).build();
        Path screenshot = Path.of("target/playground.png").toAbsolutePath();
        Files.deleteIfExists(screenshot);
        Files.deleteIfExists(Path.of("target/playground-answered.png").toAbsolutePath());
        Files.deleteIfExists(Path.of("target/playground-form.png").toAbsolutePath());
        try (DecisionServer server = DecisionServer.start(policy, null, "127.0.0.1", 0, null, 1 << 20)
                .schools(Path.of("../examples/schools"), dir -> SocialMediaPolicy.builder()
                        .clock(java.time.Clock.fixed(java.time.Instant.parse("2026-11-25T10:00:00Z"), java.time.ZoneOffset.UTC))
                        .profile(dir).build())) {
            String out = Node.run("e2e/playground.mjs", server.url() + "/", screenshot.toString());
            assertThat(out).contains("outcome: DENY").contains("Clause 11.b").contains("OVERDUE for review")
                    .contains("after switching samples: No decision yet.")
                    .contains("holds: This answer holds until 1 August 2027").contains("bad request: Bad request (400)")
                    .contains("The account's runners must respond by Monday, 30 November 2026")
                    .contains("school: Decided by Merriott Primary School's rules").contains("shared request restored: true")
                    .contains("questions: Has `pupil-1001` given photo and video consent that covers social media?")
                    .contains("after answering yes: ALLOW")
                    // the form: a blank contact request filled without JSON, and the answer seen in the form
                    .contains("form after answering: consent GRANTED").contains("form decision: DENY / DENYClause 7.i")
                    .contains("title: smpolicy playground \u2014 Merriott Primary School");
        }
        assertThat(screenshot).exists();
        assertThat(Files.size(screenshot)).isGreaterThan(10_000);
        Path answered = Path.of("target/playground-answered.png").toAbsolutePath();
        assertThat(answered).exists();
        assertThat(Files.size(answered)).isGreaterThan(10_000);
        assertThat(Path.of("target/playground-form.png")).exists();
    }
}
