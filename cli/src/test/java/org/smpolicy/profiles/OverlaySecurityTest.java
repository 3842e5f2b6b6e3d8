package org.smpolicy.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smpolicy.testkit.junit.DecisionAssert.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.smpolicy.SocialMediaPolicy;
import org.smpolicy.diagnostic.PolicyLoadException;
import org.smpolicy.model.Account;
import org.smpolicy.model.AccountType;
import org.smpolicy.model.Answer;
import org.smpolicy.model.Channel;
import org.smpolicy.model.Consent;
import org.smpolicy.model.DepictedPerson;
import org.smpolicy.model.Image;
import org.smpolicy.model.PersonRole;
import org.smpolicy.model.PublishRequest;
import org.smpolicy.server.DecisionServer;

/**
 * The overlay attacks end to end: refused with {@code file:line} by every way a profile is
 * loaded (the builder, {@code check} exit 1, {@code decide --school} exit 2, reload 422), with no
 * side effect left behind; and a profile that fails the child-protection invariants never decides.
 */
class OverlaySecurityTest {

    @TempDir
    Path tmp;

    static final String HEADER = "package org.school.attack;\nimport org.smpolicy.drl.Results;\nimport org.smpolicy.model.*;\n";
    static final Path MARKER = Path.of(System.getProperty("java.io.tmpdir"), "smpolicy-overlay-escaped");

    static String rule(String attributes, String when, String then) {
        return HEADER + "rule \"attack.rule\"\n    @clause(\"11.b\")\n    @outcome(\"NOTE\")\n" + attributes + "when\n    " + when + "\nthen\n    " + then + "\nend\n";
    }

    static Stream<Arguments> attacks() {
        String write = "java.nio.file.Files.writeString(java.nio.file.Path.of(\"" + MARKER + "\"), \"x\");";
        return Stream.of(
                Arguments.of("reflection from a class literal", rule("", "PublishRequest()",
                        "Results.class.getClassLoader().loadClass(\"java.nio.file.Fi\" + \"les\");"), 10),
                Arguments.of("file write hidden after `//` in a string", rule("", "PublishRequest()",
                        "Results.find(kcontext, \"http://x\"); " + write), 10),
                Arguments.of("unicode escape", rule("", "PublishRequest()", "Results.find(kcontext, \"\\u0022); " + write + " //\");"), 10),
                Arguments.of("salience and halt on one account id", rule("    salience 100000\n",
                        "PublishRequest( account.id == \"acc-7\" )", "kcontext.getKieRuntime().halt();"), 7),
                Arguments.of("deleting results by method reference", rule("", "PublishRequest()",
                        "kcontext.getKieRuntime().getFactHandles().forEach(kcontext.getKieRuntime()::delete);"), 10),
                Arguments.of("eval", rule("", "eval(java.nio.file.Files.exists(java.nio.file.Path.of(\"/\")))", "Results.find(kcontext, \"m\");"), 8),
                Arguments.of("import function", "package org.school.attack;\nimport function java.lang.Runtime.getRuntime;\n", 2));
    }

    Path school(String name, String drl) throws Exception {
        return Profiles.write(tmp.resolve(name), Profiles.profile("Attack", ""), drl);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void everyWayOfLoadingRefusesTheAttackWithFileAndLine(String name, String drl, int line) throws Exception {
        Path dir = school("s", drl);
        String where = dir.resolve("overlay0.drl") + ":" + line + ": ";
        try {
            SocialMediaPolicy.builder().clock(Profiles.CLOCK).profile(dir).build();
            throw new AssertionError("the builder accepted " + name);
        } catch (PolicyLoadException e) {
            assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith(where).contains("not allowed"));
        }
        org.smpolicy.cli.Cli check = org.smpolicy.cli.Cli.run("check", dir.toString());
        assertThat(check.code()).as(check.out() + check.err()).isEqualTo(1);
        assertThat(check.out()).contains(where);
        org.smpolicy.cli.Cli decide = org.smpolicy.cli.Cli.run("decide", "--school", dir.toString(),
                "../examples/requests/student-photo-personal-account.json");
        assertThat(decide.code()).as(decide.out() + decide.err()).isEqualTo(2);
        assertThat(decide.err()).contains(where);
        assertThat(MARKER).doesNotExist();
    }

    @Test
    void reloadOfARefusedOverlayAnswers422AndKeepsTheWorkingProfile() throws Exception {
        Path dir = tmp.resolve("reload");
        Files.createDirectories(dir);
        Files.copy(Profiles.MERRIOTT.resolve("profile.json"), dir.resolve("profile.json"));
        Files.copy(Profiles.MERRIOTT.resolve("press-photos.drl"), dir.resolve("press-photos.drl"));
        SocialMediaPolicy policy = SocialMediaPolicy.builder().clock(Profiles.CLOCK).profile(dir).build();
        try (DecisionServer server = DecisionServer.start(policy, dir, "127.0.0.1", 0, "t0ken", 1 << 20)) {
            Files.writeString(dir.resolve("zz-attack.drl"), rule("    salience 100000\n", "PublishRequest()", "kcontext.getKieRuntime().halt();"));
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url() + "/v1/reload"))
                    .header("Authorization", "Bearer t0ken").POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(422);
            assertThat(r.body()).contains("zz-attack.drl:7: ").contains("attribute `salience` is not allowed");
        }
        assertThat(policy.profile()).isEqualTo("Merriott Primary School");
        assertThat(policy.checkPublish(pupilPhotoOnPersonalAccount())).isDenied().firedRule("publish.student-image-personal-account");
    }

    static PublishRequest pupilPhotoOnPersonalAccount() {
        Account personal = new Account("acc-7", AccountType.PERSONAL, Channel.SOCIAL_MEDIA, Answer.UNKNOWN, false, false, false);
        Image img = new Image("img-1", List.of(new DepictedPerson("pupil-1", PersonRole.STUDENT, Consent.granted(Channel.SOCIAL_MEDIA), false, false)),
                Answer.YES, Answer.YES, Answer.NO, false, false);
        return new PublishRequest(personal, Profiles.post(), List.of(img), List.of(), List.of());
    }

    @Test
    void aProfileThatFailsTheInvariantsNeverDecides() throws Exception {
        Path dir = Profiles.write(tmp.resolve("lax"), Profiles.profile("Lax",
                "\"disable\": [ { \"rule\": \"publish.student-image-personal-account\", \"reason\": \"staff are careful\" },\n"
                        + "    { \"rule\": \"publish.unknown-image-personal-account\", \"reason\": \"staff are careful\" } ],\n"
                        + "  \"relaxations\": [ { \"of\": \"publish.student-image-personal-account\", \"reason\": \"governors agreed\" },\n"
                        + "    { \"of\": \"publish.unknown-image-personal-account\", \"reason\": \"governors agreed\" } ]"));
        try {
            SocialMediaPolicy.builder().clock(Profiles.CLOCK).profile(dir).build();
            throw new AssertionError("a profile that lets a pupil's photo through a personal account was loaded");
        } catch (PolicyLoadException e) {
            assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("child-protection invariant broken"));
        }
        SocialMediaPolicy working = Profiles.policy(Profiles.MERRIOTT);
        try {
            working.reload(dir);
            throw new AssertionError("reload accepted it");
        } catch (PolicyLoadException e) {
            assertThat(working.checkPublish(pupilPhotoOnPersonalAccount())).isDenied();
        }
    }

    @Test
    void anotherTimeZoneAndManyClosureDaysAreRelaxationsToDeclare() {
        StringBuilder days = new StringBuilder();
        for (int d = 1; d <= 28; d++) {
            days.append(d == 1 ? "" : ", ").append("\"2027-02-").append(d < 10 ? "0" : "").append(d).append('"');
        }
        Path dir = Profiles.write(tmp.resolve("tz"), Profiles.profile("Zone", "\"timeZone\": \"-12:00\",\n  \"closureDays\": [" + days + "]"));
        try {
            Profiles.policy(dir);
            throw new AssertionError("undeclared relaxations were accepted");
        } catch (PolicyLoadException e) {
            assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("profile.json:4: `timeZone` makes the policy less strict"))
                    .anySatisfy(p -> assertThat(p).contains("`closureDays` makes the policy less strict"));
        }
        Path declared = Profiles.write(tmp.resolve("tz2"), Profiles.profile("Zone", "\"timeZone\": \"-12:00\",\n  \"closureDays\": [" + days + "],\n"
                + "  \"relaxations\": [ { \"of\": \"timeZone\", \"reason\": \"school abroad\" }, { \"of\": \"closureDays\", \"reason\": \"rebuild in February\" } ]"));
        assertThat(Profiles.policy(declared).profile()).isEqualTo("Zone");
    }

    @Test
    void profileFilesMustBeRegularFilesInsideTheDirectory() throws Exception {
        Path outside = tmp.resolve("outside.drl");
        Files.writeString(outside, "secret-token-1234 and more");
        Path dir = Profiles.write(tmp.resolve("links"), Profiles.profile("Links", ""));
        Files.createSymbolicLink(dir.resolve("evil.drl"), outside);
        assertThat(problems(dir)).singleElement().asString().contains("evil.drl:1: is a link to a file outside the profile directory")
                .doesNotContain("secret-token");

        Path dev = Profiles.write(tmp.resolve("dev"), Profiles.profile("Dev", ""));
        Files.createSymbolicLink(dev.resolve("zero.drl"), Path.of("/dev/zero"));
        assertThat(problems(dev)).singleElement().asString().contains("zero.drl:1: is a link to a file outside");

        Path fifo = Profiles.write(tmp.resolve("fifo"), Profiles.profile("Fifo", ""));
        Process mk = new ProcessBuilder("mkfifo", fifo.resolve("pipe.drl").toString()).start();
        assertThat(mk.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(problems(fifo)).singleElement().asString().contains("pipe.drl:1: is not a regular file");

        Path big = Profiles.write(tmp.resolve("big"), Profiles.profile("Big", ""));
        try (var out = Files.newOutputStream(big.resolve("big.drl"))) {
            byte[] line = "// padding padding padding padding padding padding padding padding\n".getBytes();
            for (int i = 0; i < 300 * 1024 * 1024 / line.length; i++) {
                out.write(line);
            }
        }
        assertThat(problems(big)).singleElement().asString().contains("big.drl:1: is larger than 256 KiB");

        Path shadow = tmp.resolve("shadow");
        Files.createDirectories(shadow);
        Files.writeString(tmp.resolve("not-json"), "root:$6$secret:19000:0:99999:7:::\n");
        Files.createSymbolicLink(shadow.resolve("profile.json"), tmp.resolve("not-json"));
        assertThat(problems(shadow)).singleElement().asString().contains("profile.json:1: is a link to a file outside").doesNotContain("root");

        Path garbage = Profiles.write(tmp.resolve("garbage"), "root:$6$secret:19000\n");
        assertThat(problems(garbage)).singleElement().asString().contains("profile.json:1: malformed JSON at column").doesNotContain("root");
    }

    @Test
    void aBenignOverlayAddsDenyReviewAdviceAndObligationsWithMessagesFromAccessors() throws Exception {
        String drl = HEADER + "import org.smpolicy.drl.DecisionContext;\n"
                + "rule \"trust.deny-press\"\n  @clause(\"11.b\")\n  @outcome(\"DENY\")\nwhen\n"
                + "  $r : PublishRequest( account.channel == Channel.PRESS, $images : images )\n"
                + "  $img : Image( showsStudents == Answer.YES ) from $images\n"
                + "then\n  Results.find(kcontext, \"no pupils to the press: image \" + $img.id() + \" on \" + $r.account().id(), \"remove it\");\nend\n"
                + "rule \"trust.review-long\"\n  @clause(\"15.a.i\")\n  @outcome(\"REVIEW\")\nwhen\n"
                + "  $r : PublishRequest( post.text.length() > 5 )\n"
                + "then\n  Results.find(kcontext, \"long post \" + $r.post().id(), \"ask the head\");\nend\n"
                + "rule \"trust.advice-tag\"\n  @clause(\"15.a.x\")\n  @outcome(\"ADVICE\")\nwhen\n"
                + "  PublishRequest( $images : images )\n  exists ( Image( people.size() > 0 ) from $images )\n"
                + "then\n  Results.find(kcontext, \"think about tagging\");\nend\n"
                + "rule \"trust.call-parents\"\n  @clause(\"6\")\n  @outcome(\"OBLIGATION\")\nwhen\n"
                + "  $ctx : DecisionContext()\n  $m : IncomingMessage( concerns contains Concern.BULLYING, kind in (MessageKind.COMMENT, MessageKind.QUERY) )\n"
                + "then\n  Results.oblige(kcontext, Role.SLT, \"CALL_PARENTS\", $ctx.responseDue($m.receivedAt().toInstant()), \"call the parents about \" + $m.ref());\nend\n";
        SocialMediaPolicy policy = Profiles.policy(Profiles.write(tmp.resolve("benign"), Profiles.profile("Benign", ""), drl));
        PublishRequest press = Profiles.pressPhoto();
        org.smpolicy.decision.Decision d = policy.checkPublish(new PublishRequest(press.account(), press.post(),
                List.of(new Image("img-9", press.images().get(0).people(), Answer.YES, Answer.YES, Answer.NO, false, false)), List.of(), List.of()));
        assertThat(d).isDenied().firedRule("trust.deny-press").firedRule("trust.review-long").firedRule("trust.advice-tag");
        assertThat(d.findings()).anySatisfy(f -> assertThat(f.message()).isEqualTo("no pupils to the press: image img-9 on gazette"));
        assertThat(policy.respondTo(new org.smpolicy.model.IncomingMessage("msg-1", Account.federation("fb"), org.smpolicy.model.MessageKind.COMMENT,
                PersonRole.PARENT, java.time.OffsetDateTime.parse("2026-11-25T10:00:00Z"), java.util.Set.of(org.smpolicy.model.Concern.BULLYING))))
                .firedRule("trust.call-parents");
    }

    static List<String> problems(Path dir) {
        try {
            Profiles.policy(dir);
        } catch (PolicyLoadException e) {
            return e.problems();
        }
        throw new AssertionError(dir + " was accepted");
    }

    @Test
    void twoSchoolsWithTheSameRuleIdKeepTheirOwnOutcomes() throws Exception {
        String note = HEADER + "rule \"same.rule\"\n  @clause(\"11.a\")\n  @outcome(\"NOTE\")\nwhen\n  PublishRequest()\nthen\n  Results.find(kcontext, \"a note\");\nend\n";
        String deny = HEADER + "rule \"same.rule\"\n  @clause(\"11.b\")\n  @outcome(\"DENY\")\nwhen\n  PublishRequest()\nthen\n"
                + "  Results.find(kcontext, \"denied\", \"do not\");\nend\n";
        SocialMediaPolicy a = Profiles.policy(Profiles.write(tmp.resolve("a"), Profiles.profile("A", ""), note));
        SocialMediaPolicy b = Profiles.policy(Profiles.write(tmp.resolve("b"), Profiles.profile("B", ""), deny));
        PublishRequest r = Profiles.link("https://www.example.org/");
        assertThat(a.checkPublish(r)).firedRule("same.rule").cites("11.a");
        assertThat(b.checkPublish(r)).isDenied().firedRule("same.rule").cites("11.b");
        assertThat(a.checkPublish(r)).doesNotCite("11.b");
    }
}
