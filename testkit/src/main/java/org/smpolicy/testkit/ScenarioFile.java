package org.smpolicy.testkit;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.smpolicy.InvalidRequestException;
import org.smpolicy.Outcome;
import org.smpolicy.model.Role;
import org.smpolicy.json.JsonCodec;
import org.smpolicy.model.PolicyRequest;

/**
 * Reads scenario files (format version {@value #VERSION}, documented in {@code docs/testkit.md}).
 * Strict: unknown fields, a missing or other version, duplicate ids and invalid requests are
 * errors naming the file and the JSON path.
 */
public final class ScenarioFile {

    /** The scenario format version this reader understands. */
    public static final int VERSION = 1;

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final JsonCodec CODEC = JsonCodec.strict();

    private ScenarioFile() {
    }

    /**
     * Reads every scenario file (*.json) at the given paths: files, or directories searched recursively.
     *
     * @param paths files or directories
     * @return the scenarios, file by file in path order
     * @throws ScenarioException when a file is invalid or a path does not exist
     */
    public static List<Scenario> readAll(List<Path> paths) {
        List<Scenario> all = new ArrayList<>();
        for (Path p : files(paths)) {
            all.addAll(read(p));
        }
        return all;
    }

    /**
     * @param paths files or directories
     * @return the scenario files they hold, in path order
     * @throws ScenarioException when a path does not exist
     */
    public static List<Path> files(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (!Files.exists(p)) {
                throw new ScenarioException(p + ": no such file or directory");
            }
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    s.filter(f -> f.toString().endsWith(".json") && Files.isRegularFile(f)).sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else {
                files.add(p);
            }
        }
        return files;
    }

    /**
     * @param file a scenario file
     * @return its scenarios
     * @throws ScenarioException when it is invalid
     */
    public static List<Scenario> read(Path file) {
        try {
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new ScenarioException(file + ": cannot read: " + e.getMessage());
        }
    }

    /**
     * @param json   a scenario document
     * @param source its name, for messages
     * @return its scenarios
     * @throws ScenarioException when it is invalid
     */
    public static List<Scenario> parse(String json, String source) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            String at = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new ScenarioException(source + ": $: malformed JSON" + at + ": " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new ScenarioException(source + ": $: expected an object with `scenarioVersion` and `scenarios`");
        }
        only(root, source, "$", "scenarioVersion", "scenarios");
        JsonNode v = root.get("scenarioVersion");
        if (v == null || !v.isInt() || v.asInt() != VERSION) {
            throw new ScenarioException(source + ": $.scenarioVersion: expected " + VERSION + ", found " + (v == null ? "nothing" : v.toString()));
        }
        JsonNode list = root.get("scenarios");
        if (list == null || !list.isArray()) {
            throw new ScenarioException(source + ": $.scenarios: expected an array of scenarios");
        }
        List<Scenario> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String at = "$.scenarios[" + i + "]";
            JsonNode s = list.get(i);
            if (!s.isObject()) {
                throw new ScenarioException(source + ": " + at + ": expected an object");
            }
            only(s, source, at, "id", "description", "now", "request", "expect");
            String id = text(s, "id", source, at, true);
            if (!ids.add(id)) {
                throw new ScenarioException(source + ": " + at + ".id: duplicate scenario id `" + id + "`");
            }
            String description = text(s, "description", source, at, false);
            Instant now = instant(s.get("now"), source, at + ".now");
            JsonNode req = s.get("request");
            if (req == null) {
                throw new ScenarioException(source + ": " + at + ".request: missing required field `request`");
            }
            PolicyRequest request;
            try {
                request = CODEC.readRequest(req);
            } catch (InvalidRequestException e) {
                throw new ScenarioException(source + ": " + at + ".request" + e.path().substring(1) + ": " + e.problem());
            }
            out.add(new Scenario(id, description, now, request, expectation(s.get("expect"), source, at + ".expect"), source));
        }
        return out;
    }

    private static Scenario.Expectation expectation(JsonNode e, String source, String at) {
        if (e == null) {
            throw new ScenarioException(source + ": " + at + ": missing required field `expect`");
        }
        if (!e.isObject()) {
            throw new ScenarioException(source + ": " + at + ": expected an object");
        }
        only(e, source, at, "outcome", "clauses", "rules", "absentClauses", "obligations");
        Optional<Outcome> outcome = Optional.ofNullable(text(e, "outcome", source, at, false))
                .map(o -> enumValue(Outcome.class, o, source, at + ".outcome"));
        List<Scenario.ExpectedObligation> obligations = new ArrayList<>();
        JsonNode obs = e.get("obligations");
        if (obs != null) {
            if (!obs.isArray()) {
                throw new ScenarioException(source + ": " + at + ".obligations: expected an array");
            }
            for (int i = 0; i < obs.size(); i++) {
                String oat = at + ".obligations[" + i + "]";
                JsonNode o = obs.get(i);
                if (!o.isObject()) {
                    throw new ScenarioException(source + ": " + oat + ": expected an object");
                }
                only(o, source, oat, "clause", "rule", "owner", "action", "due");
                obligations.add(new Scenario.ExpectedObligation(
                        Optional.ofNullable(text(o, "clause", source, oat, false)),
                        Optional.ofNullable(text(o, "rule", source, oat, false)),
                        Optional.ofNullable(text(o, "owner", source, oat, false)).map(w -> enumValue(Role.class, w, source, oat + ".owner")),
                        Optional.ofNullable(text(o, "action", source, oat, false)),
                        Optional.ofNullable(instant(o.get("due"), source, oat + ".due"))));
            }
        }
        return new Scenario.Expectation(outcome, strings(e, "clauses", source, at), strings(e, "rules", source, at),
                strings(e, "absentClauses", source, at), obligations);
    }

    private static void only(JsonNode node, String source, String at, String... allowed) {
        Set<String> ok = Set.of(allowed);
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!ok.contains(f)) {
                throw new ScenarioException(source + ": " + at + ": unknown field `" + f + "`; known fields: " + String.join(", ", allowed));
            }
        }
    }

    private static String text(JsonNode node, String field, String source, String at, boolean required) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new ScenarioException(source + ": " + at + "." + field + ": missing required field `" + field + "`");
            }
            return null;
        }
        if (!v.isTextual()) {
            throw new ScenarioException(source + ": " + at + "." + field + ": expected a string");
        }
        return v.asText();
    }

    private static List<String> strings(JsonNode node, String field, String source, String at) {
        JsonNode v = node.get(field);
        if (v == null) {
            return List.of();
        }
        if (!v.isArray()) {
            throw new ScenarioException(source + ": " + at + "." + field + ": expected an array of strings");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isTextual()) {
                throw new ScenarioException(source + ": " + at + "." + field + "[" + i + "]: expected a string");
            }
            out.add(v.get(i).asText());
        }
        return out;
    }

    private static Instant instant(JsonNode v, String source, String at) {
        if (v == null || v.isNull()) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(v.asText()).toInstant();
        } catch (DateTimeParseException e) {
            throw new ScenarioException(source + ": " + at + ": invalid timestamp `" + v.asText() + "`: expected ISO-8601 with an offset");
        }
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String source, String at) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new ScenarioException(source + ": " + at + ": unknown value `" + value + "`; expected one of "
                    + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }
}
