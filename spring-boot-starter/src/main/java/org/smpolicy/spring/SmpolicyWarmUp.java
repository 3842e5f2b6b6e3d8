package org.smpolicy.spring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.smpolicy.SocialMediaPolicy;
import org.smpolicy.WarmUp;
import org.smpolicy.diagnostic.InvalidRequestException;
import org.smpolicy.json.JsonCodec;
import org.smpolicy.model.PolicyRequest;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

/**
 * The policy's warm-up ({@link WarmUp}) when {@code smpolicy.warm-up} is set. It runs as an
 * application runner: after the context and any web server have started (liveness is up), and
 * before Spring Boot reports the application ready to take traffic, which it does only once its
 * runners have returned. It decides the requests in {@code smpolicy.warm-up-samples} (a
 * directory of request documents, like {@code examples/requests}) with the rules' generated
 * requests mixed in, or generated requests only; samples like the host's own traffic warm far
 * better (docs/performance.md).
 */
public final class SmpolicyWarmUp implements ApplicationRunner {

    private final SocialMediaPolicy policy;
    private final SmpolicyProperties properties;
    private volatile WarmUp result;

    SmpolicyWarmUp(SocialMediaPolicy policy, SmpolicyProperties properties) {
        this.policy = policy;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        result = WarmUp.run(policy, samples(properties.getWarmUpSamples()), WarmUp.DECISIONS, properties.getWarmUp());
    }

    /** @return what the warm-up did, once it has run */
    public Optional<WarmUp> result() {
        return Optional.ofNullable(result);
    }

    private static List<PolicyRequest> samples(Path dir) {
        List<PolicyRequest> out = new ArrayList<>();
        if (dir == null) {
            return out;
        }
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("smpolicy.warm-up-samples: " + dir + ": not a directory");
        }
        JsonCodec json = JsonCodec.strict();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                try {
                    out.add(json.readRequest(Files.readString(f)));
                } catch (InvalidRequestException e) {
                    // One line naming the file and the problem; the request's values stay out of it.
                    throw new IllegalArgumentException("smpolicy.warm-up-samples: " + f + ": " + e.withoutValues());
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("smpolicy.warm-up-samples: " + dir + ": cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        return out;
    }
}
