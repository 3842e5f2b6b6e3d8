package org.smpolicy.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.util.StdConverter;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.smpolicy.catalogue.PolicyStatus;
import org.smpolicy.decision.Decision;
import org.smpolicy.decision.Finding;
import org.smpolicy.decision.Obligation;
import org.smpolicy.decision.Outcome;
import org.smpolicy.diagnostic.InvalidRequestException;

/**
 * Decisions and the policy status as JSON, by Jackson mix-ins on the public records: written for
 * hosts, the command line, the service and the decision log, and read back (scenario tooling,
 * round-trip properties). Due times and {@code validUntil} are written with the offsets of the
 * zone the decision carries ({@link Decision#zone()}), never a zone the writer was set up with.
 * {@link JsonCodec} is the public face.
 */
final class DecisionJson {

    /** The per-call attribute holding the zone due times are written in. */
    private static final String ZONE = "smpolicy.zone";
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final ObjectMapper mapper;
    private final ObjectWriter decisionWriter;
    private final ObjectReader decisionReader;

    DecisionJson(ObjectMapper mapper) {
        this.mapper = mapper;
        this.decisionWriter = mapper.writerFor(Decision.class);
        this.decisionReader = mapper.readerFor(Decision.class);
    }

    /**
     * Registers the mix-ins that give decisions their JSON shape.
     *
     * @param builder the mapper being built
     * @return the builder
     */
    static JsonMapper.Builder mixIns(JsonMapper.Builder builder) {
        return builder.addMixIn(Decision.class, DecisionMixIn.class)
                .addMixIn(Finding.class, FindingMixIn.class)
                .addMixIn(Obligation.class, ObligationMixIn.class)
                .addMixIn(org.smpolicy.decision.Reliance.class, RelianceMixIn.class);
    }

    String write(Decision decision, boolean pretty) {
        ObjectWriter w = decisionWriter.withAttribute(ZONE, decision.zone());
        try {
            return (pretty ? w.withDefaultPrettyPrinter() : w).writeValueAsString(decision);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a decision", e);
        }
    }

    ObjectNode toTree(Decision decision) {
        try (TokenBuffer buffer = new TokenBuffer(mapper, false)) {
            decisionWriter.withAttribute(ZONE, decision.zone()).writeValue(buffer, decision);
            return mapper.readTree(buffer.asParser());
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a decision", e);
        }
    }

    Decision read(String json) {
        try {
            return decisionReader.readValue(json);
        } catch (JsonProcessingException e) {
            throw JsonErrors.translate(e);
        } catch (InvalidRequestException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new InvalidRequestException("$", "not a decision: " + e.getMessage());
        }
    }

    String writeStatus(PolicyStatus status, String profile) {
        try {
            return mapper.writeValueAsString(new StatusDocument(status.name(), status.version(), status.ratified(),
                    status.reviewCycle().toString(), status.reviewDue(), status.asOf(), status.overdue(), status.summary(), profile));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the status", e);
        }
    }

    /** The decision on the wire: flat, with the change spelled as {@code validUntil} and {@code outcomeThen}. */
    @JsonPropertyOrder({"outcome", "requestType", "policyVersion", "profile", "zone", "findings", "obligations",
            "validUntil", "outcomeThen", "reliesOn", "questions", "outcomeIfConfirmed"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DecisionDocument(Outcome outcome, String requestType, String policyVersion, String profile, ZoneId zone,
                            List<Finding> findings, List<Obligation> obligations,
                            @JsonSerialize(using = Zoned.class) @JsonDeserialize(using = Timestamp.class) Instant validUntil,
                            Outcome outcomeThen, List<org.smpolicy.decision.Reliance> reliesOn, List<QuestionDocument> questions,
                            Outcome outcomeIfConfirmed) {
        DecisionDocument {
            // decisions written before they carried their zone were written in England's
            zone = zone == null ? org.smpolicy.calendar.WorkingCalendar.ENGLAND : zone;
            required(outcome, "outcome");
            required(requestType, "requestType");
            required(policyVersion, "policyVersion");
            required(profile, "profile");
            required(findings, "findings");
            required(obligations, "obligations");
            if ((validUntil == null) != (outcomeThen == null)) {
                throw new InvalidRequestException(validUntil == null ? "$.validUntil" : "$.outcomeThen",
                        "`validUntil` and `outcomeThen` come together");
            }
        }

        private static void required(Object value, String field) {
            if (value == null) {
                throw new InvalidRequestException("$." + field, "missing required field `" + field + "`");
            }
        }
    }

    @JsonSerialize(converter = ToDocument.class)
    @JsonDeserialize(converter = FromDocument.class)
    abstract static class DecisionMixIn {
    }

    static final class ToDocument extends StdConverter<Decision, DecisionDocument> {
        @Override
        public DecisionDocument convert(Decision d) {
            return new DecisionDocument(d.outcome(), d.requestType(), d.policyVersion(), d.profile(), d.zone(),
                    d.findings(), d.obligations(), d.validUntil().orElse(null), d.outcomeThen().orElse(null),
                    d.reliesOn().isEmpty() ? null : d.reliesOn(),
                    d.questions().isEmpty() ? null : d.questions().stream().map(QuestionDocument::of).toList(),
                    d.outcomeIfConfirmed().orElse(null));
        }
    }

    static final class FromDocument extends StdConverter<DecisionDocument, Decision> {
        @Override
        public Decision convert(DecisionDocument d) {
            Optional<Decision.Change> change = d.validUntil() == null ? Optional.empty()
                    : Optional.of(new Decision.Change(d.validUntil(), d.outcomeThen()));
            return new Decision(d.outcome(), d.findings(), d.obligations(), d.requestType(), d.policyVersion(), d.profile(),
                    d.zone(), change, d.reliesOn() == null ? List.of() : d.reliesOn(),
                    d.questions() == null ? List.of() : d.questions().stream().map(QuestionDocument::question).toList(),
                    Optional.ofNullable(d.outcomeIfConfirmed()));
        }
    }

    /**
     * A question on the wire: the answer in the form the request takes at that path (true or
     * false); {@code alternatives} only when there are some.
     */
    @JsonPropertyOrder({"path", "accessor", "ask", "answer", "forPerson", "alternatives"})
    record QuestionDocument(String path, String accessor, String ask, boolean answer, boolean forPerson,
                            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<QuestionDocument> alternatives) {

        static QuestionDocument of(org.smpolicy.decision.Question q) {
            return new QuestionDocument(q.path(), q.accessor(), q.ask(), q.answer() == org.smpolicy.model.Answer.YES, q.forPerson(),
                    q.alternatives().stream().map(QuestionDocument::of).toList());
        }

        org.smpolicy.decision.Question question() {
            return new org.smpolicy.decision.Question(path, accessor, ask, answer ? org.smpolicy.model.Answer.YES : org.smpolicy.model.Answer.NO,
                    forPerson, alternatives == null ? List.of() : alternatives.stream().map(QuestionDocument::question).toList());
        }
    }

    @JsonPropertyOrder({"ref", "fact", "channel"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    abstract static class RelianceMixIn {
    }

    @JsonPropertyOrder({"clause", "clauses", "rule", "outcome", "message", "remedy"})
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    abstract static class FindingMixIn {
    }

    @JsonPropertyOrder({"clause", "clauses", "rule", "owner", "action", "message", "due"})
    abstract static class ObligationMixIn {
        @JsonSerialize(using = Zoned.class)
        @JsonDeserialize(using = Timestamp.class)
        abstract Instant due();
    }

    /** An instant written with the offset it has in the decision's zone. */
    static final class Zoned extends StdSerializer<Instant> {
        Zoned() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            Object zone = provider.getAttribute(ZONE);
            gen.writeString(TIMESTAMP.format(value.atZone(zone instanceof ZoneId z ? z : ZoneOffset.UTC)));
        }
    }

    /** An instant read from an ISO-8601 timestamp with an offset, as {@link Zoned} writes it. */
    static final class Timestamp extends StdDeserializer<Instant> {
        Timestamp() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = p.getValueAsString();
            try {
                return OffsetDateTime.parse(text, TIMESTAMP).toInstant();
            } catch (DateTimeParseException | NullPointerException e) {
                return (Instant) ctxt.handleWeirdStringValue(Instant.class, text, "expected an ISO-8601 timestamp with an offset");
            }
        }
    }

    @JsonPropertyOrder({"name", "version", "ratified", "reviewCycle", "reviewDue", "asOf", "overdue", "summary", "profile"})
    record StatusDocument(String name, String version, LocalDate ratified, String reviewCycle, LocalDate reviewDue,
                          LocalDate asOf, boolean overdue, String summary, String profile) {
    }
}
