package org.smpolicy.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.smpolicy.Decision;
import org.smpolicy.Effect;
import org.smpolicy.Finding;
import org.smpolicy.InvalidRequestException;
import org.smpolicy.Obligation;
import org.smpolicy.Outcome;
import org.smpolicy.model.Role;
import org.smpolicy.model.Answer;
import org.smpolicy.model.PolicyRequest;

/**
 * Decisions and the policy status as JSON: written for hosts, the command line, the service and
 * the decision log, and read back (scenario tooling, round-trip properties). Due times and
 * {@code validUntil} are written with the offset of one zone. {@link JsonCodec} is the public face.
 */
final class DecisionJson {

    private static final DateTimeFormatter DUE = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final ObjectMapper mapper;
    private final ZoneId zone;

    DecisionJson(ObjectMapper mapper, ZoneId zone) {
        this.mapper = mapper;
        this.zone = zone;
    }

    /**
     * @param decision a decision
     * @return the decision as a JSON tree
     */
    ObjectNode toTree(Decision decision) {
        ObjectNode root = mapper.createObjectNode();
        root.put("outcome", decision.outcome().name());
        root.put("requestType", decision.requestType());
        root.put("policyVersion", decision.policyVersion());
        root.put("profile", decision.profile());
        ArrayNode findings = root.putArray("findings");
        for (Finding f : decision.findings()) {
            ObjectNode n = trace(findings.addObject(), f.clause(), f.clauses(), f.rule());
            n.put("outcome", f.outcome().name());
            n.put("message", f.message());
            f.remedy().ifPresent(r -> n.put("remedy", r));
        }
        ArrayNode obligations = root.putArray("obligations");
        for (Obligation o : decision.obligations()) {
            ObjectNode n = trace(obligations.addObject(), o.clause(), o.clauses(), o.rule());
            n.put("owner", o.owner().name());
            n.put("action", o.action());
            n.put("message", o.message());
            n.put("due", DUE.format(o.due().atZone(zone).toOffsetDateTime()));
        }
        decision.change().ifPresent(c -> {
            root.put("validUntil", DUE.format(c.at().atZone(zone).toOffsetDateTime()));
            root.put("outcomeThen", c.outcome().name());
        });
        return root;
    }

    /** Where a finding or obligation comes from: its clause, every clause it cites, and the rule. */
    private static ObjectNode trace(ObjectNode n, String clause, java.util.List<String> clauses, String rule) {
        n.put("clause", clause);
        clauses.forEach(n.putArray("clauses")::add);
        n.put("rule", rule);
        return n;
    }

    /**
     * Reads a decision written by {@link #writeDecision(Decision)}.
     *
     * @param json the JSON text
     * @return the decision
     * @throws InvalidRequestException when the text is not a decision
     */
    Decision readDecision(String json) {
        try {
            JsonNode root = mapper.readTree(json);
            List<Finding> findings = new ArrayList<>();
            int i = 0;
            for (JsonNode n : array(root, "findings", "$")) {
                String at = "$.findings[" + i++ + "]";
                findings.add(new Finding(text(n, "clause", at), strings(n, "clauses", at), text(n, "rule", at),
                        enumValue(Effect.class, text(n, "outcome", at), at + ".outcome"), text(n, "message", at),
                        Optional.ofNullable(n.get("remedy")).map(JsonNode::asText)));
            }
            List<Obligation> obligations = new ArrayList<>();
            i = 0;
            for (JsonNode n : array(root, "obligations", "$")) {
                String at = "$.obligations[" + i++ + "]";
                Instant due;
                try {
                    due = DUE.parse(text(n, "due", at), Instant::from);
                } catch (DateTimeParseException e) {
                    throw new InvalidRequestException(at + ".due", "invalid timestamp `" + n.get("due").asText() + "`");
                }
                obligations.add(new Obligation(text(n, "clause", at), strings(n, "clauses", at), text(n, "rule", at),
                        enumValue(Role.class, text(n, "owner", at), at + ".owner"), text(n, "action", at),
                        text(n, "message", at), due));
            }
            Optional<Decision.Change> change = Optional.empty();
            if (root.hasNonNull("validUntil")) {
                Instant until;
                try {
                    until = DUE.parse(text(root, "validUntil", "$"), Instant::from);
                } catch (DateTimeParseException e) {
                    throw new InvalidRequestException("$.validUntil", "invalid timestamp `" + root.get("validUntil").asText() + "`");
                }
                change = Optional.of(new Decision.Change(until, enumValue(Outcome.class, text(root, "outcomeThen", "$"), "$.outcomeThen")));
            }
            return new Decision(enumValue(Outcome.class, text(root, "outcome", "$"), "$.outcome"), findings, obligations,
                    text(root, "requestType", "$"), text(root, "policyVersion", "$"), text(root, "profile", "$"), change);
        } catch (JsonProcessingException e) {
            throw JsonCodec.translate(e);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("$", e.getMessage());
        }
    }

    private static JsonNode array(JsonNode node, String field, String at) {
        JsonNode v = node.get(field);
        if (v == null || !v.isArray()) {
            throw new InvalidRequestException(at + "." + field, "expected an array `" + field + "`");
        }
        return v;
    }

    private static String text(JsonNode node, String field, String at) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw new InvalidRequestException(at + "." + field, "missing required text field `" + field + "`");
        }
        return v.asText();
    }

    private static List<String> strings(JsonNode node, String field, String at) {
        List<String> out = new ArrayList<>();
        for (JsonNode v : array(node, field, at)) {
            out.add(v.asText());
        }
        return out;
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String at) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(at, "unknown value `" + value + "`; expected one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    /**
     * The policy's status as the service's {@code /v1/status} and {@code smpolicy status --format json} print it.
     *
     * @param status  the status
     * @param profile the profile in use
     * @return the JSON text
     */
    String writeStatus(org.smpolicy.catalogue.PolicyStatus status, String profile) {
        ObjectNode n = mapper.createObjectNode();
        n.put("name", status.name());
        n.put("version", status.version());
        n.put("ratified", status.ratified().toString());
        n.put("reviewCycle", status.reviewCycle().toString());
        n.put("reviewDue", status.reviewDue().toString());
        n.put("asOf", status.asOf().toString());
        n.put("overdue", status.overdue());
        n.put("summary", status.summary());
        n.put("profile", profile);
        return n.toString();
    }

}
