package org.smpolicy.profiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.smpolicy.SocialMediaPolicy;
import org.smpolicy.model.Account;
import org.smpolicy.model.Answer;
import org.smpolicy.model.Channel;
import org.smpolicy.model.Consent;
import org.smpolicy.model.DepictedPerson;
import org.smpolicy.model.Image;
import org.smpolicy.model.Link;
import org.smpolicy.model.PersonRole;
import org.smpolicy.model.Post;
import org.smpolicy.model.PublishRequest;

/** Helpers for profile tests: profile directories in a temp folder, sample requests. */
final class Profiles {

    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final Path MERRIOTT = Path.of("../examples/schools/merriott");
    static final Path HASELBURY = Path.of("../examples/schools/haselbury");

    private Profiles() {
    }

    static SocialMediaPolicy policy(Path dir) {
        return SocialMediaPolicy.builder().clock(CLOCK).profile(dir).build();
    }

    static Path write(Path dir, String profileJson, String... drl) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("profile.json"), profileJson);
            for (int i = 0; i < drl.length; i++) {
                Files.writeString(dir.resolve("overlay" + i + ".drl"), drl[i]);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String profile(String name, String extra) {
        return "{\n  \"profileVersion\": 1,\n  \"name\": \"" + name + "\"" + (extra.isEmpty() ? "" : ",\n  " + extra) + "\n}\n";
    }

    static PublishRequest pressPhoto() {
        Account press = new Account("gazette", org.smpolicy.model.AccountType.FEDERATION, Channel.PRESS, Answer.YES, true, false, true);
        Image img = new Image("img-1", List.of(new DepictedPerson("pupil-1", PersonRole.STUDENT, Consent.granted(Channel.PRESS), false, false)),
                null, Answer.YES, Answer.NO, false, false, Answer.YES);
        return new PublishRequest(press, post(), List.of(img), List.of(), List.of(), org.smpolicy.model.Actor.trainedStaffRunner());
    }

    static PublishRequest link(String url) {
        return new PublishRequest(Account.federation("fb"), post(), List.of(),
                List.of(new Link(url, Answer.UNKNOWN, Answer.UNKNOWN)), List.of(), org.smpolicy.model.Actor.trainedStaffRunner());
    }

    static Post post() {
        return new Post("post-1", "Sports day", "School office", true, Answer.YES, false, false, Set.of(), Answer.UNKNOWN);
    }
}
