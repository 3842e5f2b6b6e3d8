package org.smpolicy.log;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.smpolicy.decision.Decision;
import org.smpolicy.decision.Finding;
import org.smpolicy.decision.Obligation;
import org.smpolicy.json.JsonCodec;
import org.smpolicy.model.PolicyRequest;

/**
 * A {@link DecisionLog} that writes one JSON object per line:
 *
 * <pre>{"id":"…uuid…","time":"2026-11-25T10:00:00Z","requestType":"publish","outcome":"DENY",
 *  "rules":["publish.student-image-personal-account"],"clauses":["11.b"],"policyVersion":"2023-01-23","profile":"baseline"}</pre>
 *
 * By default it records no personal data: no names, birth dates, free text, references, image
 * ids or URLs, and not the messages (they name images and people). With
 * {@code includeRequest(true)} it adds the whole request, for hosts whose audit needs it and who
 * take responsibility for that data. Thread-safe.
 */
public final class JsonLinesDecisionLog implements DecisionLog, Closeable {

    private final Writer out;
    private final boolean includeRequest;
    private final ObjectMapper mapper = new ObjectMapper();
    private final JsonCodec codec = JsonCodec.strict();

    private JsonLinesDecisionLog(Writer out, boolean includeRequest) {
        this.out = out;
        this.includeRequest = includeRequest;
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void record(PolicyRequest request, Decision decision, Instant at) {
        ObjectNode n = mapper.createObjectNode();
        n.put("id", UUID.randomUUID().toString());
        n.put("time", at.toString());
        n.put("requestType", decision.requestType());
        n.put("outcome", decision.outcome().name());
        Set<String> rules = new TreeSet<>();
        Set<String> clauses = new TreeSet<>(org.smpolicy.decision.ClauseIds.COMPARATOR);
        for (Finding f : decision.findings()) {
            rules.add(f.rule());
            clauses.addAll(f.clauses());
        }
        for (Obligation o : decision.obligations()) {
            rules.add(o.rule());
            clauses.addAll(o.clauses());
        }
        ArrayNode r = n.putArray("rules");
        rules.forEach(r::add);
        ArrayNode c = n.putArray("clauses");
        clauses.forEach(c::add);
        n.put("policyVersion", decision.policyVersion());
        n.put("profile", decision.profile());
        if (includeRequest) {
            n.set("request", codec.requestTree(request));
            n.set("decision", codec.toTree(decision));
        }
        String line;
        try {
            line = mapper.writeValueAsString(n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        synchronized (out) {
            try {
                out.write(line);
                out.write('\n');
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public void close() throws IOException {
        synchronized (out) {
            out.close();
        }
    }

    /** Builds a {@link JsonLinesDecisionLog}. */
    public static final class Builder {
        private boolean includeRequest;

        private Builder() {
        }

        /**
         * @param include whether to add the whole request and decision to each line (personal data!)
         * @return this builder
         */
        public Builder includeRequest(boolean include) {
            this.includeRequest = include;
            return this;
        }

        /**
         * @param writer where to write; the log closes it on {@link #close()}
         * @return the log
         */
        public JsonLinesDecisionLog writer(Writer writer) {
            return new JsonLinesDecisionLog(Objects.requireNonNull(writer, "writer"), includeRequest);
        }

        /**
         * @param file a file to append to, created if absent
         * @return the log
         * @throws UncheckedIOException when the file cannot be opened
         */
        public JsonLinesDecisionLog path(Path file) {
            try {
                return writer(Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
