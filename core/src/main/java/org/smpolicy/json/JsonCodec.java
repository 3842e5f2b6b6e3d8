package org.smpolicy.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.smpolicy.decision.Decision;
import org.smpolicy.diagnostic.Diagnostic;
import org.smpolicy.diagnostic.InvalidRequestException;
import org.smpolicy.io.JsonDocument;
import org.smpolicy.io.JsonLimits;
import org.smpolicy.model.Answer;
import org.smpolicy.model.PolicyRequest;

/**
 * Reads request documents and writes decisions as JSON, strictly: unknown fields, missing
 * required fields, unknown enum values, duplicate keys, timestamps without an offset and
 * documents over the {@link JsonLimits} are errors. Every error is an
 * {@link InvalidRequestException} whose path names the offending value. Thread-safe.
 *
 * <pre>{@code
 * JsonCodec json = JsonCodec.strict();
 * PolicyRequest request = json.readRequest(Files.newInputStream(path));
 * String out = json.writeDecision(policy.decide(request));
 * }</pre>
 */
public final class JsonCodec {

    private final ObjectMapper mapper;
    private final ReportJson reports;
    private final ObjectReader requestReader;
    private final LineJson lines;
    private final JsonLimits limits;
    private final DecisionJson decisions;

    private JsonCodec(JsonLimits limits) {
        this.limits = limits;
        JsonMapper.Builder builder = JsonMapper.builder()
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // absent booleans are false; null means absent (documented in docs/json.md)
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .addModule(new JavaTimeModule())
                .addModule(new SimpleModule("smpolicy")
                        .addDeserializer(Answer.class, new AnswerDeserializer())
                        .addDeserializer(java.time.OffsetDateTime.class, StrictDates.timestamps())
                        .addDeserializer(java.time.LocalDate.class, StrictDates.dates()))
                .addModule(new Jdk8Module())
                .addMixIn(PolicyRequest.class, RequestTypes.class);
        JsonMapper m = DecisionJson.mixIns(builder).build();
        m.coercionConfigDefaults()
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        m.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        m.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        m.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(limits.maxDepth())
                .maxStringLength(limits.maxStringLength())
                .maxDocumentLength(limits.maxDocumentBytes())
                .build());
        this.mapper = m;
        this.reports = new ReportJson(m, this::toTree);
        this.lines = new LineJson(m, limits, this::readRequest);
        this.requestReader = m.readerFor(PolicyRequest.class);
        this.decisions = new DecisionJson(m);
    }

    /** @return a codec with the default limits */
    public static JsonCodec strict() {
        return new JsonCodec(JsonLimits.DEFAULTS);
    }

    /**
     * @param limits the reader's limits
     * @return a codec
     */
    public static JsonCodec of(JsonLimits limits) {
        return new JsonCodec(Objects.requireNonNull(limits, "limits"));
    }

    /** @return the request type names the reader accepts in {@code type} */
    public static List<String> requestTypes() {
        return RequestTypes.NAMES;
    }

    /** @return this codec's limits */
    public JsonLimits limits() {
        return limits;
    }

    /**
     * Reads one request document.
     *
     * @param json the document
     * @return the request
     * @throws InvalidRequestException when the document is not a valid request
     */
    public PolicyRequest readRequest(String json) {
        Objects.requireNonNull(json, "json");
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        checkSize(bytes.length);
        return readRequest(bytes);
    }

    /**
     * Reads one request document from a stream, reading at most the size limit plus one byte.
     *
     * @param in the stream; not closed
     * @return the request
     * @throws InvalidRequestException when the document is not a valid request or is too large
     * @throws UncheckedIOException when the stream cannot be read
     */
    public PolicyRequest readRequest(InputStream in) {
        try {
            byte[] bytes = in.readNBytes(limits.maxDocumentBytes() + 1);
            checkSize(bytes.length);
            return readRequest(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void checkSize(int length) {
        if (length > limits.maxDocumentBytes()) {
            throw new InvalidRequestException(Diagnostic.at(Diagnostic.Code.OVER_LIMIT, "$", "request is larger than the limit of " + limits.maxDocumentBytes() + " bytes", null));
        }
    }

    private PolicyRequest readRequest(byte[] bytes) {
        try {
            // One pass for the common, valid case; any failure is read again below, the slow way,
            // for the precise message.
            return requestReader.readValue(bytes);
        } catch (IOException | RuntimeException e) {
            return readRequestCarefully(bytes);
        }
    }

    private PolicyRequest readRequestCarefully(byte[] bytes) {
        try {
            return JsonErrors.readCarefully(mapper, bytes);
        } catch (InvalidRequestException e) {
            // Only now, on the error path, is the document read a second time for its lines.
            String text = new String(bytes, StandardCharsets.UTF_8);
            if (e.line().isPresent() || text.indexOf('\n') < 0) {
                throw e;
            }
            try {
                throw e.atLine(JsonDocument.parse(text, "request", limits).line(JsonDocument.pointer(e.path())));
            } catch (JsonDocument.MalformedException malformed) {
                throw e;
            }
        }
    }

    /**
     * Writes a decision as one line of JSON, its times in the decision's own zone.
     *
     * @param decision the decision
     * @return the JSON text
     */
    public String writeDecision(Decision decision) {
        return decisions.write(decision, false);
    }

    /**
     * Writes a decision as indented JSON.
     *
     * @param decision the decision
     * @return the JSON text
     */
    public String writeDecisionPretty(Decision decision) {
        return decisions.write(decision, true);
    }

    /**
     * @param decision a decision
     * @return the decision as a JSON tree, as {@link #writeDecision(Decision)} writes it
     */
    public ObjectNode toTree(Decision decision) {
        return decisions.toTree(decision);
    }

    /**
     * Reads a decision written by {@link #writeDecision(Decision)}.
     *
     * @param json the JSON text
     * @return the decision
     * @throws InvalidRequestException when the text is not a decision
     */
    public Decision readDecision(String json) {
        return decisions.read(json);
    }

    /**
     * The policy's status as the service's {@code /v1/status} and {@code smpolicy status --format json} print it.
     *
     * @param status  the status
     * @param profile the profile in use
     * @return the JSON text
     */
    public String writeStatus(org.smpolicy.catalogue.PolicyStatus status, String profile) {
        return decisions.writeStatus(status, profile);
    }

    /**
     * The report of {@code smpolicy impact --format json} and of the Spark job's impact file.
     *
     * @param report what changes
     * @param from   the rule base in use, as named to the user
     * @param to     the rule base proposed
     * @param where  names an example by its index (a file and line, or a line number)
     * @return the JSON text, one line
     */
    public String writeImpact(org.smpolicy.decision.PolicyImpact.Report report, String from, String to, java.util.function.LongFunction<String> where) {
        return reports.impact(report, from, to, where);
    }

    /**
     * Reads one line of a corpus: a request document, or a line of the decision log written with
     * its request ({@code {"request": {...}, ...}}), whose request is read. As strict as
     * {@link #readRequest(String)}, with the same messages for a request line; a log line's problems
     * are named under {@code $.request}.
     *
     * @param line one line
     * @return the request
     * @throws InvalidRequestException when the line is neither
     */
    public PolicyRequest readCorpusLine(String line) {
        return lines.corpus(line, this::readRequest);
    }

    /**
     * Reads one line of a fact-change file ({@code docs/json.md}, "Changes"), as strictly as a
     * request: unknown fields, a missing {@code change} or {@code ref}, an unknown kind or channel
     * are errors naming the path.
     *
     * @param line one line
     * @return the change
     * @throws InvalidRequestException when the line is not a change
     */
    public org.smpolicy.recheck.FactChange readChange(String line) {
        return lines.change(line);
    }

    /**
     * Reads one line of a published register: {@code {"id", "publishedAt", "request"}}, or a line
     * of the decision log written with its request ({@code id}, {@code time}, {@code request}). The
     * request must be a {@code publish} request.
     *
     * @param line   one line
     * @param number its line number, the item's id when the line has none
     * @return the published item
     * @throws InvalidRequestException when the line is not a published item
     */
    public org.smpolicy.recheck.Published readPublished(String line, long number) {
        return lines.published(line, number);
    }

    /**
     * The re-check report as {@code smpolicy recheck} and {@code POST /v1/recheck} write it.
     *
     * @param report the report
     * @return the JSON text, one line
     */
    public String writeRecheck(org.smpolicy.recheck.RecheckReport report) {
        return reports.recheck(report);
    }

    /**
     * A problem as JSON: {@code {"line": N, "error": "path: message", "diagnostic": {"code", "file",
     * "line", "path", "message"}}}, absent parts left out. The error text is what older hosts read.
     *
     * @param inputLine the input line the problem is about (JSON lines), or 0 to leave it out
     * @param d         the problem
     * @param withValue whether the value quoted from the input is shown ({@code false}: {@code `…`})
     * @return the JSON text, one line
     */
    public String writeError(long inputLine, org.smpolicy.diagnostic.Diagnostic d, boolean withValue) {
        return reports.error(inputLine, d, withValue);
    }

    /**
     * One problem as a JSON object: {@code {"code", "file", "line", "path", "message"}}, absent parts left out.
     *
     * @param d         the problem
     * @param withValue whether the value quoted from the input is shown ({@code false}: {@code `…`})
     * @return the object
     */
    public ObjectNode toTree(org.smpolicy.diagnostic.Diagnostic d, boolean withValue) {
        return reports.diagnostic(d, withValue);
    }

    /**
     * The traceability document as {@code smpolicy clauses --format json} and {@code GET /v1/clauses}
     * write it: one shape whatever carries it.
     *
     * @param traceability every clause beside its rules ({@code policy.traceability()})
     * @return the JSON text, one line
     */
    public String writeTraceability(org.smpolicy.catalogue.Traceability traceability) {
        return reports.traceability(traceability);
    }

    /**
     * Reads a request already parsed as a tree (a line of a decision log, a scenario), with the
     * same strictness and messages as the text reader, without writing it back to text first.
     *
     * @param node the request document
     * @return the request
     * @throws InvalidRequestException when the document is not a valid request
     */
    public PolicyRequest readRequest(JsonNode node) {
        try {
            return requestReader.readValue(mapper.treeAsTokens(node));
        } catch (JsonProcessingException e) {
            throw JsonErrors.translate(e);
        } catch (java.io.IOException e) {
            throw new InvalidRequestException("$", "cannot read the request");
        } catch (RuntimeException e) {
            throw new InvalidRequestException("$", "not a valid request");
        }
    }

    /**
     * @param request a request
     * @return the request as a JSON tree, with its {@code type}
     */
    public JsonNode requestTree(PolicyRequest request) {
        // Written as a PolicyRequest, so that the `type` property is there, straight into tokens.
        try (com.fasterxml.jackson.databind.util.TokenBuffer buffer = new com.fasterxml.jackson.databind.util.TokenBuffer(mapper, false)) {
            mapper.writerFor(PolicyRequest.class).writeValue(buffer, request);
            return mapper.readTree(buffer.asParser());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot write a request", e);
        }
    }

    /**
     * Writes a request as JSON, with its {@code type}.
     *
     * @param request the request
     * @return the JSON text
     */
    public String writeRequest(PolicyRequest request) {
        try {
            return mapper.writerFor(PolicyRequest.class).writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a request", e);
        }
    }
}
