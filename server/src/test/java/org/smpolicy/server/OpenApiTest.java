package org.smpolicy.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.smpolicy.model.AccountApplication;
import org.smpolicy.model.Answer;
import org.smpolicy.model.ContactRequest;
import org.smpolicy.model.EngagementRequest;
import org.smpolicy.model.IncidentReport;
import org.smpolicy.model.IncomingMessage;
import org.smpolicy.model.PublishRequest;
import org.smpolicy.model.StaffDeparture;

/**
 * The OpenAPI document: a JSON Schema for every request type, generated from the request records
 * (so it cannot drift from the model), and a real linter (Redocly, installed by .ci/run with the
 * browser test's npm packages) finds no error. Regenerate the schemas with
 * {@code mvn -pl server test -Dtest=OpenApiTest -Dsmpolicy.writeDocs=true}.
 */
class OpenApiTest {

    static final Path DOC = Path.of("src/main/resources/org/smpolicy/server/openapi.json");
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    static final List<Class<?>> REQUESTS = List.of(PublishRequest.class, EngagementRequest.class, ContactRequest.class,
            IncomingMessage.class, IncidentReport.class, AccountApplication.class, StaffDeparture.class);

    static Map<String, JsonNode> generated() throws Exception {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        ObjectNode request = MAPPER.createObjectNode();
        ArrayNode oneOf = request.putArray("oneOf");
        ObjectNode mapping = request.putObject("discriminator").put("propertyName", "type").putObject("mapping");
        for (Class<?> c : REQUESTS) {
            String type = (String) c.getField("TYPE").get(null);
            ObjectNode s = record(c, out);
            ((ObjectNode) s.get("properties")).set("type", MAPPER.createObjectNode().put("type", "string")
                    .set("enum", MAPPER.createArrayNode().add(type)));
            (s.has("required") ? (ArrayNode) s.get("required") : s.putArray("required")).insert(0, "type");
            oneOf.addObject().put("$ref", "#/components/schemas/" + c.getSimpleName());
            mapping.put(type, "#/components/schemas/" + c.getSimpleName());
        }
        out.put("Request", request);
        return out;
    }

    static ObjectNode record(Class<?> c, Map<String, JsonNode> out) {
        ObjectNode s = MAPPER.createObjectNode().put("type", "object").put("additionalProperties", false);
        out.put(c.getSimpleName(), s);
        List<String> required = required(c);
        if (!required.isEmpty()) {
            ArrayNode r = s.putArray("required");
            required.forEach(r::add);
        }
        ObjectNode props = s.putObject("properties");
        for (RecordComponent rc : c.getRecordComponents()) {
            props.set(rc.getName(), schemaOf(rc.getGenericType(), out));
        }
        return s;
    }

    /**
     * The components a record refuses to be without, found by asking the record itself: it is
     * built from plain values, then again with one component left out (null), and a component is
     * required when leaving it out is refused naming it. The reader applies the same constructor,
     * so the document says what the reader does.
     */
    static List<String> required(Class<?> c) {
        RecordComponent[] rcs = c.getRecordComponents();
        Object[] plain = new Object[rcs.length];
        for (int i = 0; i < rcs.length; i++) {
            plain[i] = plain(rcs[i].getType());
        }
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < rcs.length; i++) {
            if (rcs[i].getType().isPrimitive()) {
                continue;
            }
            Object[] without = plain.clone();
            without[i] = null;
            try {
                construct(c, without);
            } catch (org.smpolicy.diagnostic.InvalidRequestException e) {
                if (e.getMessage().contains(rcs[i].getName())) {
                    out.add(rcs[i].getName());
                }
            }
        }
        return out;
    }

    static Object construct(Class<?> c, Object[] args) {
        try {
            Class<?>[] types = java.util.Arrays.stream(c.getRecordComponents()).map(RecordComponent::getType).toArray(Class<?>[]::new);
            return c.getDeclaredConstructor(types).newInstance(args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A plain valid value of a type: an id-like string, the first constant, an empty list, a plain record. */
    static Object plain(Class<?> t) {
        if (t == String.class) {
            return "x-1";
        }
        if (t == boolean.class) {
            return false;
        }
        if (t == int.class) {
            return 1;
        }
        if (t == long.class) {
            return 1L;
        }
        if (t == Answer.class) {
            return Answer.UNKNOWN;
        }
        if (t.isEnum()) {
            // UNKNOWN where the vocabulary has it: the plainest value (a granted consent needs channels).
            for (Object e : t.getEnumConstants()) {
                if (((Enum<?>) e).name().equals("UNKNOWN")) {
                    return e;
                }
            }
            return t.getEnumConstants()[0];
        }
        if (t == List.class) {
            return List.of();
        }
        if (t == java.util.Set.class) {
            return java.util.Set.of();
        }
        if (t == java.time.LocalDate.class) {
            return java.time.LocalDate.of(2026, 11, 25);
        }
        if (t == java.time.OffsetDateTime.class) {
            return java.time.OffsetDateTime.parse("2026-11-25T10:00:00Z");
        }
        if (t == java.time.Instant.class) {
            return java.time.Instant.parse("2026-11-25T10:00:00Z");
        }
        if (t.isRecord()) {
            RecordComponent[] rcs = t.getRecordComponents();
            Object[] args = new Object[rcs.length];
            for (int i = 0; i < rcs.length; i++) {
                args[i] = plain(rcs[i].getType());
            }
            try {
                return construct(t, args);
            } catch (RuntimeException e) {
                return null;
            }
        }
        return null;
    }

    static JsonNode schemaOf(Type t, Map<String, JsonNode> out) {
        if (t instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            ObjectNode a = MAPPER.createObjectNode().put("type", "array");
            a.set("items", schemaOf(p.getActualTypeArguments()[0], out));
            if (java.util.Set.class.isAssignableFrom(raw)) {
                a.put("uniqueItems", true);
            }
            return a;
        }
        Class<?> c = (Class<?>) t;
        if (c == Answer.class) {
            // One named schema, so that a generated client has one yes/no/unknown type (not one per
            // field), and a plain one: a oneOf of boolean and string is ambiguous to a generated
            // client (a JSON true matches both), so the strings the reader also accepts are only said.
            ObjectNode a = MAPPER.createObjectNode().put("type", "boolean").put("nullable", true)
                    .put("description", "yes (true), no (false) or unknown (null or absent); the reader also accepts \"YES\", \"NO\", \"UNKNOWN\"");
            out.put("Answer", a);
            return MAPPER.createObjectNode().put("$ref", "#/components/schemas/Answer");
        }
        if (c == String.class) {
            return MAPPER.createObjectNode().put("type", "string");
        }
        if (c == boolean.class || c == Boolean.class) {
            return MAPPER.createObjectNode().put("type", "boolean");
        }
        if (c == int.class || c == Integer.class || c == long.class) {
            return MAPPER.createObjectNode().put("type", "integer");
        }
        if (c == java.time.LocalDate.class) {
            return MAPPER.createObjectNode().put("type", "string").put("format", "date");
        }
        if (c == java.time.OffsetDateTime.class || c == java.time.Instant.class) {
            return MAPPER.createObjectNode().put("type", "string").put("format", "date-time");
        }
        if (c.isEnum()) {
            ArrayNode values = MAPPER.createArrayNode();
            for (Object e : c.getEnumConstants()) {
                values.add(((Enum<?>) e).name());
            }
            out.put(c.getSimpleName(), MAPPER.createObjectNode().put("type", "string").set("enum", values));
            return MAPPER.createObjectNode().put("$ref", "#/components/schemas/" + c.getSimpleName());
        }
        if (c.isRecord()) {
            if (!out.containsKey(c.getSimpleName())) {
                record(c, out);
            }
            return MAPPER.createObjectNode().put("$ref", "#/components/schemas/" + c.getSimpleName());
        }
        throw new IllegalStateException("no schema for " + c);
    }

    @Test
    void everyRequestTypeHasASchemaGeneratedFromTheModel() throws Exception {
        ObjectNode doc = (ObjectNode) MAPPER.readTree(Files.readString(DOC));
        ObjectNode schemas = (ObjectNode) doc.get("components").get("schemas");
        Map<String, JsonNode> want = generated();
        if (Boolean.getBoolean("smpolicy.writeDocs")) {
            want.forEach(schemas::set);
            Files.writeString(DOC, MAPPER.writeValueAsString(doc) + "\n");
        }
        want.forEach((name, schema) -> assertThat(schemas.get(name)).as("schema %s is out of date: regenerate with -Dsmpolicy.writeDocs=true", name)
                .isEqualTo(schema));
        assertThat(schemas.get("Request").get("oneOf")).hasSize(7);
    }

    @Test
    void everyOperationHasAnIdAndReloadNeedsTheToken() throws Exception {
        JsonNode doc = MAPPER.readTree(Files.readString(DOC));
        doc.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            assertThat(op.getValue().has("operationId")).as(path.getKey()).isTrue();
            if (path.getKey().endsWith("/reload")) {
                assertThat(op.getValue().get("security").toString()).contains("reloadToken");
            }
        }));
    }

    @Test
    void theRedoclyLinterFindsNoError() throws Exception {
        Path cli = Path.of("e2e/node_modules/@redocly/cli/bin/cli.js");
        assumeTrue(Files.exists(cli), "no e2e/node_modules/@redocly/cli (npm ci --prefix server/e2e)");
        Node.run(cli.toString(), "lint", "--format=summary", DOC.toString());
    }
}
