package org.smpolicy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a change of rule base does to the shipped corpus: only what the profiles explain. */
class ImpactCommandTest {

    @TempDir
    Path tmp;

    static final String CORPUS = "../examples/corpus/requests.jsonl";
    static final String NOW = "--now=2026-11-25T10:00:00Z";

    @Test
    void haselburysProfileExplainsEveryDifference() {
        Cli r = Cli.run("impact", NOW, "--from", "baseline", "--to", "../examples/schools/haselbury", CORPUS);
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        // Its deny list turns the TikTok link into a DENY; it switched the tone advice off; nothing else
        // (its closure days are pupil-free: a leaver's last working day no longer moves, round 3 row 15).
        assertThat(r.out()).contains("ALLOW -> DENY").contains("publish.link-unsafe").contains("publish.tone")
                .contains("rules that fire under both but say something else: none")
                .contains("clauses no longer cited:\n  10.a-d ")
                .contains("decisions protecting a child that became more permissive: 0");
        assertThat(r.out().lines().filter(l -> l.startsWith("  ")).count()).isEqualTo(6);
    }

    @Test
    void merriottsProfileAddsItsPressRuleOnly() {
        Cli r = Cli.run("impact", NOW, "--from", "baseline", "--to", "../examples/schools/merriott", CORPUS);
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("outcome transitions: none").contains("merriott.press-photos-need-head-approval")
                .contains("rules that no longer fire: none").contains("clauses now cited:\n  11.a ")
                // 32 decisions change: 30 by the press rule (4 of them shares and tags from a press
                // account, which publish what they share), 2 by deadlines its closure days move
                .contains("32 changed").contains("  responses.respond-within-window ");
    }

    @Test
    void aRelaxationThatLetsAPupilsPhotoThroughExits1() throws Exception {
        Path lax = tmp.resolve("lax");
        Files.createDirectories(lax);
        Files.writeString(lax.resolve("profile.json"), "{\"profileVersion\":1,\"name\":\"Lax\","
                + "\"disable\":[{\"rule\":\"publish.unidentified-pupils\",\"reason\":\"we trust our photographers\"}],"
                + "\"relaxations\":[{\"of\":\"publish.unidentified-pupils\",\"reason\":\"governors agreed\"}]}");
        Cli r = Cli.run("impact", NOW, "--from", "baseline", "--to", lax.toString(), "--format", "json", CORPUS);
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("\"REVIEW -> ALLOW\"").contains("\"childProtectionLoosened\":1");
    }

    @Test
    void aDecisionLogIsACorpusReadAsStrictlyAsRequests() throws Exception {
        String contact = "{\"type\":\"contact\",\"channel\":\"PERSONAL_MOBILE\",\"recipientRole\":\"PARENT\"}";
        Path log = tmp.resolve("decisions.jsonl");
        Files.writeString(log, "{\"outcome\":\"DENY\",\"request\":" + contact + "}\n");
        Cli ok = Cli.run("impact", NOW, "--from", "baseline", "--to", "../examples/schools/merriott", log.toString());
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("compared 1 requests");
        // the same key twice in a logged request: refused with the line, as in a request file
        Files.writeString(log, "{\"outcome\":\"DENY\",\"request\":" + contact.replace("\"recipientRole\":\"PARENT\"",
                "\"recipientRole\":\"PARENT\",\"recipientRole\":\"STAFF\"") + "}\n");
        Cli dup = Cli.run("impact", NOW, "--from", "baseline", "--to", "../examples/schools/merriott", log.toString());
        assertThat(dup.code()).isEqualTo(2);
        assertThat(dup.err()).contains("decisions.jsonl:1: ").contains("recipientRole");
    }
}
