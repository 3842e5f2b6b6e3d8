package org.smpolicy.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.smpolicy.json.JsonCodec;
import org.smpolicy.rules.FederationInvariants;

/**
 * Writes a realistic mixed request file for {@code smpolicy decide --jsonl}: publish,
 * engagement, contact and incoming-message requests with unknown answers among them, seeded.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar org.smpolicy.benchmarks.GenerateRequests 1000000 requests.jsonl</pre>
 */
public final class GenerateRequests {

    private GenerateRequests() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: GenerateRequests COUNT FILE [SEED]");
            System.exit(2);
        }
        long count = Long.parseLong(args[0]);
        Random random = new Random(args.length > 2 ? Long.parseLong(args[2]) : 20261125L);
        JsonCodec json = JsonCodec.strict();
        try (BufferedWriter out = Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8)) {
            for (long i = 0; i < count; i++) {
                out.write(json.writeRequest(FederationInvariants.request(random)));
                out.write('\n');
            }
        }
    }
}
