package org.smpolicy.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.util.List;
import java.util.function.Function;
import org.smpolicy.decision.Outcome;
import org.smpolicy.diagnostic.InvalidRequestException;
import org.smpolicy.io.JsonDocument;
import org.smpolicy.io.JsonLimits;
import org.smpolicy.model.PolicyRequest;

/** Lines of JSON-lines inputs as {@link JsonCodec} reads them: a corpus, fact changes, the published register. */
final class LineJson {

    private final ObjectMapper mapper;
    private final JsonLimits limits;
    private final ObjectReader publishedReader;
    private final Function<JsonNode, PolicyRequest> readRequest;

    LineJson(ObjectMapper mapper, JsonLimits limits, Function<JsonNode, PolicyRequest> readRequest) {
        this.mapper = mapper;
        this.limits = limits;
        this.publishedReader = mapper.readerFor(PublishedLine.class);
        this.readRequest = readRequest;
    }

    PolicyRequest corpus(String line, Function<String, PolicyRequest> readText) {
        try {
            return readText.apply(line);
        } catch (InvalidRequestException e) {
            // A log line holds the decision too: it may be longer than a request may be, within reason.
            if (line.length() > 8L * limits.maxDocumentBytes()) {
                throw e;
            }
            JsonNode node;
            try {
                node = JsonDocument.parse(line, "line", limits).root();
            } catch (JsonDocument.MalformedException unreadable) {
                throw e;
            }
            if (node != null && node.isObject() && !node.has("type") && node.has("request")) {
                try {
                    return readRequest.apply(node.get("request"));
                } catch (InvalidRequestException inner) {
                    throw inner.under("$.request");
                }
            }
            throw e;
        }
    }

    org.smpolicy.recheck.FactChange change(String line) {
        JsonNode node = parseObject(line, "a change");
        try {
            return mapper.treeToValue(node, org.smpolicy.recheck.FactChange.class);
        } catch (JsonProcessingException e) {
            throw JsonErrors.translate(e);
        } catch (InvalidRequestException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new InvalidRequestException("$", "not a change: " + e.getClass().getSimpleName());
        }
    }

    org.smpolicy.recheck.Published published(String line, long number) {
        try {
            // One pass for the common, valid line; any failure is read again below for the precise message.
            PublishedLine p = publishedReader.readValue(line);
            java.time.OffsetDateTime at = p.publishedAt() != null ? p.publishedAt() : p.time();
            java.util.Optional<Outcome> recorded = recorded(p.outcome());
            if (at != null && p.request() instanceof org.smpolicy.model.PublishRequest req && recorded != null
                    && (p.id() == null || !p.id().isBlank() && p.id().length() <= 200)) {
                return new org.smpolicy.recheck.Published(p.id() == null ? "line " + number : p.id(), at.toInstant(), req, recorded);
            }
        } catch (IOException | RuntimeException e) {
            // the careful reading below names the problem
        }
        JsonNode node = parseObject(line, "a published item");
        java.util.Set<String> known = java.util.Set.of("id", "publishedAt", "request", "time", "requestType", "outcome", "rules",
                "clauses", "policyVersion", "profile", "decision");
        for (java.util.Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!known.contains(f)) {
                throw new InvalidRequestException("$." + f, "unknown field; a published item has `id`, `publishedAt`, `request` and optionally `outcome`");
            }
        }
        JsonNode when = node.has("publishedAt") ? node.get("publishedAt") : node.get("time");
        String whenPath = node.has("publishedAt") ? "$.publishedAt" : "$.time";
        if (when == null || !when.isTextual()) {
            throw new InvalidRequestException("$.publishedAt", "missing required field `publishedAt`, an instant with an offset");
        }
        java.time.Instant at;
        try {
            at = java.time.OffsetDateTime.parse(when.asText()).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidRequestException(whenPath, "not an instant: expected ISO-8601 with an offset, e.g. 2026-11-25T10:00:00Z");
        }
        JsonNode req = node.get("request");
        if (req == null) {
            throw new InvalidRequestException("$.request", "missing required field `request`: the publish request the item was checked as");
        }
        PolicyRequest request;
        try {
            request = readRequest.apply(req);
        } catch (InvalidRequestException e) {
            throw e.under("$.request");
        }
        if (!(request instanceof org.smpolicy.model.PublishRequest p)) {
            throw new InvalidRequestException("$.request.type", "a published item is a `publish` request, not `" + request.type() + "`");
        }
        JsonNode id = node.get("id");
        if (id != null && (!id.isTextual() || id.asText().isBlank() || id.asText().length() > 200)) {
            throw new InvalidRequestException("$.id", "`id` is a non-empty string of at most 200 characters");
        }
        JsonNode outcome = node.get("outcome");
        java.util.Optional<Outcome> recorded = outcome == null ? java.util.Optional.empty() : outcome.isTextual() ? recorded(outcome.asText()) : null;
        if (recorded == null) {
            throw new InvalidRequestException("$.outcome", "`outcome` is the decision recorded when the item was checked: ALLOW, REVIEW or DENY");
        }
        return new org.smpolicy.recheck.Published(id == null ? "line " + number : id.asText(), at, p, recorded);
    }

    /** @return the recorded outcome, empty when there is none, {@code null} when it is not one */
    private static java.util.Optional<Outcome> recorded(String outcome) {
        if (outcome == null) {
            return java.util.Optional.empty();
        }
        return switch (outcome) {
            case "ALLOW" -> java.util.Optional.of(Outcome.ALLOW);
            case "REVIEW" -> java.util.Optional.of(Outcome.REVIEW);
            case "DENY" -> java.util.Optional.of(Outcome.DENY);
            default -> null;
        };
    }

    /** A register line, or a decision-log line written with its request, read in one pass. */
    record PublishedLine(String id, java.time.OffsetDateTime publishedAt, java.time.OffsetDateTime time, PolicyRequest request,
                         JsonNode decision, String requestType, String outcome, List<String> rules, List<String> clauses,
                         String policyVersion, String profile) {
    }

    private JsonNode parseObject(String line, String what) {
        JsonNode node;
        try {
            node = JsonDocument.parse(line, "line", limits).root();
        } catch (JsonDocument.MalformedException e) {
            throw new InvalidRequestException("$", "not " + what + ": " + e.what()
                    + (line.strip().equals("{") || line.strip().isEmpty() ? " (one item per line: a pretty-printed file is not JSON lines)" : ""));
        }
        if (node == null || !node.isObject()) {
            throw new InvalidRequestException("$", "not " + what + ": expected a JSON object on one line");
        }
        return node;
    }
}
