package org.smpolicy.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.smpolicy.diagnostic.PolicyException;
import org.smpolicy.io.JsonDocument;

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
     * Reads a catalogue document, strictly: every problem is a {@link PolicyException} naming
     * {@code source:line}.
     *
     * @param in     the JSON document
     * @param source its name, for messages
     * @return the catalogue
     * @throws IOException on read errors
     */
    public static ClauseCatalogue read(InputStream in, String source) throws IOException {
        JsonDocument doc;
        try {
            doc = JsonDocument.parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), source);
        } catch (JsonDocument.MalformedException e) {
            throw new PolicyException(e.getMessage());
        }
        JsonNode root = doc.root();
        if (!root.isObject()) {
            throw new PolicyException(doc.at("") + ": expected a JSON object");
        }
        Map<String, Clause> clauses = new LinkedHashMap<>();
        JsonNode list = root.get("clauses");
        if (list == null || !list.isArray()) {
            throw new PolicyException(doc.at("/clauses") + ": expected an array `clauses`");
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode c = list.get(i);
            String at = "/clauses/" + i;
            String id = text(doc, c, at, "id");
            Treatment t;
            try {
                t = Treatment.valueOf(text(doc, c, at, "treatment"));
            } catch (IllegalArgumentException e) {
                throw new PolicyException(doc.at(at + "/treatment") + ": clause `" + id + "` has an unknown treatment `"
                        + c.path("treatment").asText() + "`; expected one of " + java.util.Arrays.toString(Treatment.values()));
            }
            if (clauses.put(id, new Clause(id, text(doc, c, at, "summary"), t, c.path("note").asText(""))) != null) {
                throw new PolicyException(doc.at(at + "/id") + ": clause `" + id + "` is listed twice");
            }
        }
        return new ClauseCatalogue(text(doc, root, "", "name"), text(doc, root, "", "version"), text(doc, root, "", "kieBase"),
                date(doc, root, "ratified"), period(doc, root, "reviewCycle"), date(doc, root, "reviewDue"), clauses);
    }

    private static String text(JsonDocument doc, JsonNode node, String at, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new PolicyException(doc.at(at + "/" + field) + ": missing text field `" + field + "`");
        }
        return v.asText();
    }

    private static LocalDate date(JsonDocument doc, JsonNode root, String field) {
        try {
            return LocalDate.parse(text(doc, root, "", field));
        } catch (java.time.DateTimeException e) {
            throw new PolicyException(doc.at("/" + field) + ": `" + field + "` must be a date, YYYY-MM-DD");
        }
    }

    private static Period period(JsonDocument doc, JsonNode root, String field) {
        try {
            return Period.parse(text(doc, root, "", field));
        } catch (java.time.DateTimeException e) {
            throw new PolicyException(doc.at("/" + field) + ": `" + field + "` must be an ISO-8601 period such as P2Y");
        }
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
