package org.smpolicy.benchmarks;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Random;
import org.smpolicy.SocialMediaPolicy;
import org.smpolicy.decision.Outcome;
import org.smpolicy.json.JsonCodec;
import org.smpolicy.recheck.Published;

/**
 * Writes a published register and a file of changes for the re-check scale figure
 * (docs/performance.md): N publish requests (one image each, 1 to 3 pupils out of 20,000 with
 * consent for social media and the website, on two Federation accounts, published in 2026) and M
 * changes (consent refused, withdrawn for social media only or for everything, added to the
 * no-publish list, asked not to be filmed), seeded, so the same files come out every time.
 * {@code java -cp benchmarks/target/benchmarks.jar org.smpolicy.benchmarks.GenerateRegister
 * 100000 1000 published.jsonl changes.jsonl [--recorded]}. With {@code --recorded} each line also
 * carries the {@code outcome} the baseline gives it as at its {@code publishedAt}, as a decision
 * log written with its requests does (every generated post is allowed then).
 */
public final class GenerateRegister {

    static final int PUPILS = 20_000;

    private GenerateRegister() {
    }

    public static void main(String[] args) throws IOException {
        int n = Integer.parseInt(args[0]);
        int m = Integer.parseInt(args[1]);
        Random random = new Random(20261203L);
        Instant start = Instant.parse("2026-01-05T09:00:00Z");
        boolean recorded = args.length > 4 && args[4].equals("--recorded");
        SocialMediaPolicy policy = recorded ? SocialMediaPolicy.builder().build() : null;
        JsonCodec json = JsonCodec.strict();
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[2]), StandardCharsets.UTF_8))) {
            for (int i = 0; i < n; i++) {
                String account = i % 2 == 0 ? "merriott-facebook" : "haselbury-website";
                String channel = i % 2 == 0 ? "SOCIAL_MEDIA" : "WEBSITE";
                StringBuilder people = new StringBuilder();
                int count = 1 + random.nextInt(3);
                for (int k = 0; k < count; k++) {
                    people.append(k == 0 ? "" : ", ").append("{\"ref\": \"pupil-").append(random.nextInt(PUPILS))
                            .append("\", \"role\": \"STUDENT\", \"consent\": {\"status\": \"GRANTED\", \"channels\": [\"SOCIAL_MEDIA\", \"WEBSITE\"]}}");
                }
                String line = "{\"id\": \"post-" + i + "\", \"publishedAt\": \"" + start.plusSeconds(i * 240L) + "\", \"request\": {\"type\": \"publish\", "
                        + "\"account\": {\"id\": \"" + account + "\", \"type\": \"FEDERATION\", \"channel\": \"" + channel + "\", \"sltApproved\": true}, "
                        + "\"post\": {\"id\": \"post-" + i + "\", \"text\": \"Our week in class\", \"author\": \"staff-" + (i % 40) + "\"}, "
                        + "\"images\": [{\"id\": \"img-" + i + "\", \"people\": [" + people + "], \"peopleComplete\": true, "
                        + "\"appropriatelyDressed\": true, \"subjectToRidicule\": false}], "
                        + "\"actor\": {\"role\": \"STAFF\", \"ref\": \"staff-" + (i % 40) + "\", \"readPolicy\": true, \"trained\": true, \"namedRunner\": true}}}";
                if (recorded) {
                    Published item = json.readPublished(line, i + 1L);
                    Outcome then = policy.decide(item.request(), item.publishedAt()).outcome();
                    line = "{\"outcome\": \"" + then + "\", " + line.substring(1);
                }
                out.println(line);
            }
        }
        String[] kinds = {"CONSENT_REFUSED", "CONSENT_WITHDRAWN", "CONSENT_WITHDRAWN_SOCIAL", "ADDED_TO_NO_PUBLISH_LIST", "ASKED_NOT_TO_BE_FILMED"};
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[3]), StandardCharsets.UTF_8))) {
            for (int i = 0; i < m; i++) {
                String kind = kinds[random.nextInt(kinds.length)];
                String ref = "pupil-" + random.nextInt(PUPILS);
                String from = "2026-11-" + (10 + random.nextInt(15));
                out.println(switch (kind) {
                    case "CONSENT_WITHDRAWN_SOCIAL" -> "{\"change\": \"CONSENT_WITHDRAWN\", \"ref\": \"" + ref + "\", \"from\": \"" + from
                            + "\", \"channels\": [\"SOCIAL_MEDIA\"]}";
                    default -> "{\"change\": \"" + kind + "\", \"ref\": \"" + ref + "\", \"from\": \"" + from + "\"}";
                });
            }
        }
    }
}
