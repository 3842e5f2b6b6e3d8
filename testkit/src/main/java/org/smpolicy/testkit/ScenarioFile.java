package org.smpolicy.testkit;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.smpolicy.decision.Outcome;
import org.smpolicy.diagnostic.InvalidRequestException;
import org.smpolicy.io.JsonDocument;
import org.smpolicy.json.JsonCodec;
import org.smpolicy.model.PolicyRequest;
import org.smpolicy.model.Role;
import org.smpolicy.recheck.FactChange;
import org.smpolicy.recheck.Published;

/**
 * Reads scenario files (format version {@value #VERSION}, documented in {@code docs/testkit.md}).
 * Strict: unknown fields, a missing or other version, duplicate ids and invalid requests are
 * errors naming the file and the JSON path.
 */
public final class ScenarioFile {

    /** The scenario format version this reader understands. */
    public static final int VERSION = 1;

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
        JsonDocument doc;
        try {
            doc = JsonDocument.parse(json, source);
        } catch (JsonDocument.MalformedException e) {
            throw new ScenarioException(e.getMessage());
        }
        JsonNode root = doc.root();
        if (!root.isObject()) {
            throw new ScenarioException(doc.place("$") + ": expected an object with `scenarioVersion` and `scenarios`");
        }
        only(root, doc, "$", "scenarioVersion", "scenarios");
        JsonNode v = root.get("scenarioVersion");
        if (v == null || !v.isInt() || v.asInt() != VERSION) {
            throw new ScenarioException(doc.place("$.scenarioVersion") + ": expected " + VERSION + ", found " + (v == null ? "nothing" : v.toString()));
        }
        JsonNode list = root.get("scenarios");
        if (list == null || !list.isArray()) {
            throw new ScenarioException(doc.place("$.scenarios") + ": expected an array of scenarios");
        }
        List<Scenario> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String at = "$.scenarios[" + i + "]";
            JsonNode s = list.get(i);
            if (!s.isObject()) {
                throw new ScenarioException(doc.place(at) + ": expected an object");
            }
            only(s, doc, at, "id", "description", "now", "request", "recheck", "expect");
            String id = text(s, "id", doc, at, true);
            if (!ids.add(id)) {
                throw new ScenarioException(doc.place(at + ".id") + ": duplicate scenario id `" + id + "`");
            }
            String description = text(s, "description", doc, at, false);
            Instant now = instant(s.get("now"), doc, at + ".now");
            JsonNode req = s.get("request");
            if (s.has("recheck")) {
                if (req != null) {
                    throw new ScenarioException(doc.place(at + ".recheck") + ": a scenario has a `request` or a `recheck`, not both");
                }
                out.add(new Scenario(id, description, now, null, recheckExpectation(s.get("expect"), doc, at + ".expect"), source,
                        recheck(s.get("recheck"), doc, at + ".recheck")));
                continue;
            }
            if (req == null) {
                throw new ScenarioException(doc.place(at + ".request") + ": missing required field `request` (or `recheck`)");
            }
            PolicyRequest request;
            try {
                request = CODEC.readRequest(req);
            } catch (InvalidRequestException e) {
                throw new ScenarioException(doc.place(at + ".request" + e.path().substring(1)) + ": " + e.problem());
            }
            out.add(new Scenario(id, description, now, request, expectation(s.get("expect"), doc, at + ".expect"), source));
        }
        return out;
    }

    private static Scenario.Expectation expectation(JsonNode e, JsonDocument doc, String at) {
        if (e == null) {
            throw new ScenarioException(doc.place(at) + ": missing required field `expect`");
        }
        if (!e.isObject()) {
            throw new ScenarioException(doc.place(at) + ": expected an object");
        }
        only(e, doc, at, "outcome", "clauses", "rules", "absentClauses", "obligations", "questions", "outcomeIfConfirmed");
        Optional<Outcome> outcome = Optional.ofNullable(text(e, "outcome", doc, at, false))
                .map(o -> enumValue(Outcome.class, o, doc, at + ".outcome"));
        List<Scenario.ExpectedObligation> obligations = new ArrayList<>();
        JsonNode obs = e.get("obligations");
        if (obs != null) {
            if (!obs.isArray()) {
                throw new ScenarioException(doc.place(at + ".obligations") + ": expected an array");
            }
            for (int i = 0; i < obs.size(); i++) {
                String oat = at + ".obligations[" + i + "]";
                JsonNode o = obs.get(i);
                if (!o.isObject()) {
                    throw new ScenarioException(doc.place(oat) + ": expected an object");
                }
                only(o, doc, oat, "clause", "rule", "owner", "action", "due");
                obligations.add(new Scenario.ExpectedObligation(
                        Optional.ofNullable(text(o, "clause", doc, oat, false)),
                        Optional.ofNullable(text(o, "rule", doc, oat, false)),
                        Optional.ofNullable(text(o, "owner", doc, oat, false)).map(w -> enumValue(Role.class, w, doc, oat + ".owner")),
                        Optional.ofNullable(text(o, "action", doc, oat, false)),
                        Optional.ofNullable(instant(o.get("due"), doc, oat + ".due"))));
            }
        }
        List<Scenario.ExpectedQuestion> questions = new ArrayList<>();
        JsonNode qs = e.get("questions");
        if (qs != null) {
            if (!qs.isArray()) {
                throw new ScenarioException(doc.place(at + ".questions") + ": expected an array");
            }
            for (int i = 0; i < qs.size(); i++) {
                String qat = at + ".questions[" + i + "]";
                JsonNode q = qs.get(i);
                if (!q.isObject()) {
                    throw new ScenarioException(doc.place(qat) + ": expected an object");
                }
                only(q, doc, qat, "path", "answer", "alternatives");
                JsonNode answer = q.get("answer");
                if (answer != null && !answer.isBoolean()) {
                    throw new ScenarioException(doc.place(qat + ".answer") + ": expected true or false");
                }
                questions.add(new Scenario.ExpectedQuestion(text(q, "path", doc, qat, true),
                        Optional.ofNullable(answer).map(JsonNode::asBoolean), strings(q, "alternatives", doc, qat)));
            }
        }
        Optional<Outcome> confirmed = Optional.ofNullable(text(e, "outcomeIfConfirmed", doc, at, false))
                .map(o -> enumValue(Outcome.class, o, doc, at + ".outcomeIfConfirmed"));
        return new Scenario.Expectation(outcome, strings(e, "clauses", doc, at), strings(e, "rules", doc, at),
                strings(e, "absentClauses", doc, at), obligations, questions, confirmed);
    }

    private static Scenario.Recheck recheck(JsonNode r, JsonDocument doc, String at) {
        if (!r.isObject()) {
            throw new ScenarioException(doc.place(at) + ": expected an object with `published` and `changes`");
        }
        only(r, doc, at, "published", "changes");
        List<Published> published = new ArrayList<>();
        List<FactChange> changes = new ArrayList<>();
        for (String field : List.of("published", "changes")) {
            JsonNode list = r.get(field);
            if (list == null || !list.isArray()) {
                throw new ScenarioException(doc.place(at + "." + field) + ": expected an array");
            }
            for (int i = 0; i < list.size(); i++) {
                String iat = at + "." + field + "[" + i + "]";
                try {
                    // each is read as the command line reads a line of its file
                    if (field.equals("published")) {
                        published.add(CODEC.readPublished(list.get(i).toString(), i + 1));
                    } else {
                        changes.add(CODEC.readChange(list.get(i).toString()));
                    }
                } catch (InvalidRequestException e) {
                    throw new ScenarioException(doc.place(iat + e.path().substring(1)) + ": " + e.problem());
                }
            }
        }
        return new Scenario.Recheck(published, changes);
    }

    private static Scenario.Expectation recheckExpectation(JsonNode e, JsonDocument doc, String at) {
        if (e == null || !e.isObject()) {
            throw new ScenarioException(doc.place(at) + ": expected an object with `reported`");
        }
        only(e, doc, at, "reported");
        JsonNode list = e.get("reported");
        if (list == null || !list.isArray()) {
            throw new ScenarioException(doc.place(at + ".reported") + ": expected an array of the items the re-check reports (empty: none)");
        }
        List<Scenario.ExpectedItem> items = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String iat = at + ".reported[" + i + "]";
            JsonNode item = list.get(i);
            if (!item.isObject()) {
                throw new ScenarioException(doc.place(iat) + ": expected an object");
            }
            only(item, doc, iat, "id", "outcome", "duties");
            List<Scenario.ExpectedDuty> duties = new ArrayList<>();
            JsonNode ds = item.get("duties");
            if (ds != null && !ds.isArray()) {
                throw new ScenarioException(doc.place(iat + ".duties") + ": expected an array");
            }
            for (int k = 0; ds != null && k < ds.size(); k++) {
                String dat = iat + ".duties[" + k + "]";
                JsonNode d = ds.get(k);
                if (!d.isObject()) {
                    throw new ScenarioException(doc.place(dat) + ": expected an object");
                }
                only(d, doc, dat, "owner", "action", "due");
                duties.add(new Scenario.ExpectedDuty(
                        Optional.ofNullable(text(d, "owner", doc, dat, false)).map(w -> enumValue(Role.class, w, doc, dat + ".owner")),
                        Optional.ofNullable(text(d, "action", doc, dat, false)),
                        Optional.ofNullable(instant(d.get("due"), doc, dat + ".due"))));
            }
            items.add(new Scenario.ExpectedItem(text(item, "id", doc, iat, true),
                    Optional.ofNullable(text(item, "outcome", doc, iat, false)).map(o -> enumValue(Outcome.class, o, doc, iat + ".outcome")),
                    duties));
        }
        return Scenario.Expectation.ofRecheck(items);
    }

    private static void only(JsonNode node, JsonDocument doc, String at, String... allowed) {
        Set<String> ok = Set.of(allowed);
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!ok.contains(f)) {
                throw new ScenarioException(doc.place(at) + ": unknown field `" + f + "`; known fields: " + String.join(", ", allowed));
            }
        }
    }

    private static String text(JsonNode node, String field, JsonDocument doc, String at, boolean required) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new ScenarioException(doc.place(at + "." + field) + ": missing required field `" + field + "`");
            }
            return null;
        }
        if (!v.isTextual()) {
            throw new ScenarioException(doc.place(at + "." + field) + ": expected a string");
        }
        return v.asText();
    }

    private static List<String> strings(JsonNode node, String field, JsonDocument doc, String at) {
        JsonNode v = node.get(field);
        if (v == null) {
            return List.of();
        }
        if (!v.isArray()) {
            throw new ScenarioException(doc.place(at + "." + field) + ": expected an array of strings");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isTextual()) {
                throw new ScenarioException(doc.place(at + "." + field + "[" + i + "]") + ": expected a string");
            }
            out.add(v.get(i).asText());
        }
        return out;
    }

    private static Instant instant(JsonNode v, JsonDocument doc, String at) {
        if (v == null || v.isNull()) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(v.asText()).toInstant();
        } catch (DateTimeParseException e) {
            throw new ScenarioException(doc.place(at) + ": invalid timestamp `" + v.asText() + "`: expected ISO-8601 with an offset");
        }
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value, JsonDocument doc, String at) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new ScenarioException(doc.place(at) + ": unknown value `" + value + "`; expected one of "
                    + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }
}
