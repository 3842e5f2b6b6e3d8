package org.smpolicy.catalogue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.smpolicy.PolicyException;

/**
 * The policy's clause catalogue and its metadata, read from the rules module's resource
 * {@value #RESOURCE}. Every clause id a rule cites must be in it; every clause that is not
 * governance must be cited by a rule.
 */
public final class ClauseCatalogue {

    /** Where a rules module ships its catalogue. */
    public static final String RESOURCE = "META-INF/smpolicy/policy.json";

    private final String name;
    private final String version;
    private final String kieBase;
    private final LocalDate ratified;
    private final Period reviewCycle;
    private final LocalDate reviewDue;
    private final Map<String, Clause> clauses;

    private ClauseCatalogue(String name, String version, String kieBase, LocalDate ratified, Period reviewCycle,
                            LocalDate reviewDue, Map<String, Clause> clauses) {
        this.name = name;
        this.version = version;
        this.kieBase = kieBase;
        this.ratified = ratified;
        this.reviewCycle = reviewCycle;
        this.reviewDue = reviewDue;
        this.clauses = Collections.unmodifiableMap(clauses);
    }

    /**
     * Reads the catalogue from the class path.
     *
     * @param loader the class loader to search
     * @return the catalogue
     * @throws PolicyException when the resource is missing or malformed
     */
    public static ClauseCatalogue fromClasspath(ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new PolicyException("no clause catalogue `" + RESOURCE + "` on the class path: add smpolicy-rules (or another rules module) as a dependency");
            }
            return read(in, RESOURCE);
        } catch (IOException e) {
            throw new PolicyException("cannot read `" + RESOURCE + "`: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a catalogue document.
     *
     * @param in     the JSON document
     * @param source its name, for messages
     * @return the catalogue
     * @throws IOException on read errors
     */
    public static ClauseCatalogue read(InputStream in, String source) throws IOException {
        JsonNode root = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(in);
        Map<String, Clause> clauses = new LinkedHashMap<>();
        for (JsonNode c : root.path("clauses")) {
            String id = text(c, "id", source);
            Treatment t;
            try {
                t = Treatment.valueOf(text(c, "treatment", source));
            } catch (IllegalArgumentException e) {
                throw new PolicyException(source + ": clause `" + id + "` has an unknown treatment `" + c.path("treatment").asText() + "`");
            }
            if (clauses.put(id, new Clause(id, text(c, "summary", source), t, c.path("note").asText(""))) != null) {
                throw new PolicyException(source + ": clause `" + id + "` is listed twice");
            }
        }
        return new ClauseCatalogue(text(root, "name", source), text(root, "version", source),
                text(root, "kieBase", source), LocalDate.parse(text(root, "ratified", source)),
                Period.parse(text(root, "reviewCycle", source)), LocalDate.parse(text(root, "reviewDue", source)), clauses);
    }

    private static String text(JsonNode node, String field, String source) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new PolicyException(source + ": missing text field `" + field + "`");
        }
        return v.asText();
    }

    /** @return the policy's title */
    public String name() {
        return name;
    }

    /** @return the version of the policy text the rules encode */
    public String version() {
        return version;
    }

    /** @return the name of the KIE base that holds the rules */
    public String kieBase() {
        return kieBase;
    }

    /** @return every clause, in document order */
    public List<Clause> clauses() {
        return new ArrayList<>(clauses.values());
    }

    /**
     * @param id a clause id
     * @return the clause, if the catalogue has it
     */
    public Optional<Clause> clause(String id) {
        return Optional.ofNullable(clauses.get(id));
    }

    /**
     * @param id a clause id
     * @return whether the catalogue has it
     */
    public boolean contains(String id) {
        return clauses.containsKey(id);
    }

    /**
     * @param day a date
     * @return the policy's status on that date, including whether it is overdue for review
     */
    public PolicyStatus status(LocalDate day) {
        return new PolicyStatus(name, version, ratified, reviewCycle, reviewDue, day, day.isAfter(reviewDue));
    }
}
