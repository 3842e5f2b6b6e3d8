package org.smpolicy.server;

import java.nio.file.Path;
import java.util.List;
import org.smpolicy.JsonLinesDecider;
import org.smpolicy.SocialMediaPolicy;
import org.smpolicy.json.JsonCodec;

/** One school's policy, served at {@code /v1/schools/{id}/...} (the baseline at {@code /v1/...}). */
final class School {
    final String id;
    final SocialMediaPolicy policy;
    final Path profile;
    final JsonLinesDecider bulk;
    volatile List<String> lastReloadProblems = List.of();

    School(String id, SocialMediaPolicy policy, Path profile, JsonCodec json) {
        this.id = id;
        this.policy = policy;
        this.profile = profile;
        this.bulk = new JsonLinesDecider(policy, json, true);
    }
}
