package org.smpolicy.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.smpolicy.diagnostic.Diagnostic;
import org.smpolicy.io.JsonDocument;

/**
 * The official bank holiday feed, in the format it is published in: a JSON object with an
 * {@code england-and-wales} division holding {@code events} of {@code {title, date, notes, bunting}}
 * (other divisions may be present and are ignored). Read strictly: unknown fields, bad dates and
 * duplicate dates are errors naming the JSON path. A feed that drops a holiday the computation
 * knows for a year it covers is refused, naming the missing days, rather than silently used.
 *
 * <pre>{@code
 * WorkingCalendar cal = WorkingCalendar.englandAndWales().withHolidays(HolidayFeed.parse(json, "bank-holidays.json"));
 * }</pre>
 *
 * @param holidays the England and Wales holidays, date to title
 * @param years    the years the feed covers (every year with at least one event)
 */
public record HolidayFeed(SortedMap<LocalDate, String> holidays, Set<Integer> years) {

    private static final Set<String> DIVISION_FIELDS = Set.of("division", "events");
    private static final Set<String> EVENT_FIELDS = Set.of("title", "date", "notes", "bunting");

    /** Copies. */
    public HolidayFeed {
        holidays = Collections.unmodifiableSortedMap(new TreeMap<>(holidays));
        years = Collections.unmodifiableSet(new TreeSet<>(years));
    }

    /** Largest feed file read. */
    static final int MAX_BYTES = 1024 * 1024;

    /**
     * Reads a feed file: a regular file, at most 1 MiB.
     *
     * @param file the file
     * @return the feed
     * @throws InvalidFeedException with one line per problem, naming the file
     */
    public static HolidayFeed read(java.nio.file.Path file) {
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw new InvalidFeedException(List.of(Diagnostic.profile(file.toString(), 0, "not a regular file")));
        }
        byte[] bytes;
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (java.io.IOException e) {
            throw new InvalidFeedException(List.of(Diagnostic.profile(file.toString(), 0, "cannot be read (" + e.getClass().getSimpleName() + ")")));
        }
        if (bytes.length > MAX_BYTES) {
            throw new InvalidFeedException(List.of(Diagnostic.profile(file.toString(), 0, "is larger than " + MAX_BYTES / 1024 + " KiB")));
        }
        return parse(new String(bytes, java.nio.charset.StandardCharsets.UTF_8), file.toString());
    }

    /**
     * @param json  the feed's text
     * @param where the file name, for messages
     * @return the feed
     * @throws InvalidFeedException with one {@code where:line: $.path: message} line per problem
     */
    public static HolidayFeed parse(String json, String where) {
        List<Diagnostic> problems = new ArrayList<>();
        JsonDocument doc;
        try {
            doc = JsonDocument.parse(json, where);
        } catch (JsonDocument.MalformedException e) {
            throw new InvalidFeedException(List.of(Diagnostic.profile(e.where(), e.line(), e.what())));
        }
        JsonNode root = doc.root();
        JsonNode division = root == null ? null : root.get("england-and-wales");
        if (division == null || !division.isObject()) {
            throw new InvalidFeedException(List.of(at(doc, "$", "expected an object with an `england-and-wales` division", null)));
        }
        for (Iterator<String> it = division.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!DIVISION_FIELDS.contains(f)) {
                problems.add(at(doc, "$.england-and-wales." + f, "unknown field; known fields: division, events", null));
            }
        }
        JsonNode events = division.get("events");
        SortedMap<LocalDate, String> holidays = new TreeMap<>();
        Set<Integer> years = new TreeSet<>();
        if (events == null || !events.isArray()) {
            problems.add(at(doc, "$.england-and-wales.events", "expected an array", null));
        } else {
            int i = 0;
            for (JsonNode e : events) {
                String at = "$.england-and-wales.events[" + i++ + "]";
                if (!e.isObject()) {
                    problems.add(at(doc, at, "expected an object", null));
                    continue;
                }
                for (Iterator<String> it = e.fieldNames(); it.hasNext(); ) {
                    String f = it.next();
                    if (!EVENT_FIELDS.contains(f)) {
                        problems.add(at(doc, at + "." + f, "unknown field; known fields: bunting, date, notes, title", null));
                    }
                }
                JsonNode title = e.get("title");
                JsonNode date = e.get("date");
                if (title == null || !title.isTextual() || title.asText().isBlank()) {
                    problems.add(at(doc, at + ".title", "expected a non-empty string", null));
                }
                if (e.has("notes") && !e.get("notes").isTextual()) {
                    problems.add(at(doc, at + ".notes", "expected a string", null));
                }
                if (e.has("bunting") && !e.get("bunting").isBoolean()) {
                    problems.add(at(doc, at + ".bunting", "expected true or false", null));
                }
                if (date == null || !date.isTextual()) {
                    problems.add(at(doc, at + ".date", "expected a date, YYYY-MM-DD", null));
                    continue;
                }
                LocalDate d;
                try {
                    d = LocalDate.parse(date.asText());
                } catch (DateTimeException ex) {
                    problems.add(at(doc, at + ".date", "{} is not a date, YYYY-MM-DD", date.asText()));
                    continue;
                }
                if (d.getYear() < 1971 || d.getYear() > 9999) {
                    problems.add(at(doc, at + ".date", "{} is outside 1971 to 9999", d.toString()));
                    continue;
                }
                if (holidays.put(d, title == null ? "" : title.asText()) != null) {
                    problems.add(at(doc, at + ".date", "{} is listed twice", d.toString()));
                }
                years.add(d.getYear());
            }
        }
        for (int year : years) {
            for (Map.Entry<LocalDate, String> known : BankHolidays.englandAndWales(year).entrySet()) {
                if (!holidays.containsKey(known.getKey())) {
                    problems.add(Diagnostic.profile(where, 0, "the feed drops " + known.getValue() + " on " + known.getKey()
                            + ", which the computed calendar has; refusing a feed that may be incomplete"));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidFeedException(problems);
        }
        return new HolidayFeed(holidays, years);
    }

    private static Diagnostic at(JsonDocument doc, String path, String message, String value) {
        return Diagnostic.profile(doc.where(), doc.line(JsonDocument.pointer(path)), path, message, value);
    }

    /** A feed that cannot be used: its message has one line per problem, {@link #diagnostics()} each as a value. */
    public static final class InvalidFeedException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        private final transient List<Diagnostic> diagnostics;

        InvalidFeedException(List<Diagnostic> diagnostics) {
            super(String.join("\n", diagnostics.stream().map(Diagnostic::text).toList()));
            this.diagnostics = List.copyOf(diagnostics);
        }

        /** @return each problem, naming the file, line and JSON path, with any quoted value apart */
        public List<Diagnostic> diagnostics() {
            return diagnostics;
        }
    }
}
