package org.smpolicy.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import org.smpolicy.SocialMediaPolicy;
import org.smpolicy.json.JsonCodec;

/** Lets the decision service run the same bulk pipeline as {@code decide --jsonl}. */
public final class BulkAccess {

    private BulkAccess() {
    }

    /**
     * @return how many lines failed
     * @throws IOException on read errors
     */
    public static int run(SocialMediaPolicy policy, JsonCodec reader, JsonCodec writer, String name, BufferedReader in,
                          PrintWriter out, PrintWriter err) throws IOException {
        return new Bulk(policy, reader, writer, name).run(in, out, err);
    }
}
