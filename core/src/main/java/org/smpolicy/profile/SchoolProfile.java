package org.smpolicy.profile;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.smpolicy.diagnostic.Diagnostic;
import org.smpolicy.diagnostic.PolicyLoadException;
import org.smpolicy.io.JsonDocument;

/**
 * A school's customisation of the baseline policy: a directory with {@code profile.json} and
 * optional {@code *.drl} overlay files. See {@code docs/profiles.md}.
 *
 * <pre>{@code
 * SocialMediaPolicy policy = SocialMediaPolicy.builder().profile(Path.of("schools/merriott")).build();
 * }</pre>
 *
 * @param name           the school's name, reported in every decision
 * @param directory      the profile directory
 * @param timeZone       the time zone of the school's working calendar
 * @param closureDays    days the school is closed (INSET days, emergency closures)
 * @param responseWindow the clause-6 response window
 * @param linkAllowList  hosts whose links need no check
 * @param linkDenyList   hosts that may never be linked
 * @param disabled       baseline or overlay rules switched off, rule id to the stated reason
 * @param relaxations    relaxations the school declares, what is relaxed (a rule id or a parameter) to the reason
 * @param overlays       the overlay DRL files, in name order
 * @param lines          where each key and value stands in {@code profile.json}, for messages
 * @param holidays       the official bank holiday feed named by {@code holidaysFile}, if any
 * @param responseWorkingDays the clause-6 window in working days ({@code responseWindowWorkingDays}),
 *                       or 0 when it is given in hours
 */
public record SchoolProfile(String name, Path directory, ZoneId timeZone, SortedSet<LocalDate> closureDays,
                            Duration responseWindow, Set<String> linkAllowList, Set<String> linkDenyList,
                            Map<String, String> disabled, Map<String, String> relaxations, List<OverlayFile> overlays,
                            Map<String, Integer> lines, java.util.Optional<org.smpolicy.calendar.HolidayFeed> holidays,
                            int responseWorkingDays) {

    /** The profile file in a profile directory. */
    public static final String FILE = "profile.json";
    /** The profile format version this library reads. */
    public static final int VERSION = 1;
    /** Parameter names a relaxation may name besides rule ids. */
    public static final Set<String> RELAXABLE_PARAMETERS = Set.of("responseWindowHours", "responseWindowWorkingDays", "linkAllowList",
            "timeZone", "closureDays");

    private static final Set<String> FIELDS = Set.of("profileVersion", "name", "timeZone", "closureDays",
            "responseWindowHours", "responseWindowWorkingDays", "linkAllowList", "linkDenyList", "disable", "relaxations", "holidaysFile");

    /** Copies. */
    public SchoolProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(timeZone, "timeZone");
        closureDays = Collections.unmodifiableSortedSet(new TreeSet<>(closureDays));
        Objects.requireNonNull(responseWindow, "responseWindow");
        linkAllowList = Set.copyOf(linkAllowList);
        linkDenyList = Set.copyOf(linkDenyList);
        disabled = Collections.unmodifiableMap(new LinkedHashMap<>(disabled));
        relaxations = Collections.unmodifiableMap(new LinkedHashMap<>(relaxations));
        overlays = List.copyOf(overlays);
        lines = Map.copyOf(lines);
        Objects.requireNonNull(holidays, "holidays");
    }

    /**
     * An overlay DRL file of a profile.
     *
     * @param path where it is
     * @param text its content
     */
    public record OverlayFile(Path path, String text) {
        /** Validates. */
        public OverlayFile {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * @param key     a field name, or a value the profile lists (a rule id in {@code disable})
     * @param message what is wrong with it, with {@code {}} where {@code value} goes
     * @param value   the text quoted from the profile, or {@code null}
     * @return a problem at the line of {@code profile.json} the key stands on
     */
    public Diagnostic problem(String key, String message, String value) {
        return Diagnostic.profile(directory.resolve(FILE).toString(), lines.getOrDefault(key, 1), null, message, value);
    }

    /**
     * Reads a profile directory, strictly.
     *
     * @param dir the directory
     * @return the profile
     * @throws PolicyLoadException listing every problem as {@code file:line: message}
     */
    public static SchoolProfile load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw PolicyLoadException.of(List.of(Diagnostic.profile(dir.toString(), 0, "not a directory")));
        }
        ProfileFiles files;
        try {
            files = ProfileFiles.in(dir);
        } catch (IOException e) {
            throw PolicyLoadException.of(List.of(Diagnostic.profile(dir.toString(), 0, "cannot be read (" + e.getClass().getSimpleName() + ")")));
        }
        return read(dir, files);
    }

    /**
     * Reads a profile that travelled as data (a Spark job ships its files to each executor), as
     * strictly as a directory, with the same limits; messages name {@code label} as the directory.
     *
     * @param label what to call the profile in messages: where its files came from
     * @param files file name to content ({@code profile.json}, {@code *.drl}, a holiday feed)
     * @return the profile
     * @throws PolicyLoadException listing every problem as {@code file:line: message}
     */
    public static SchoolProfile read(String label, Map<String, byte[]> files) {
        Path dir = Path.of(label);
        return read(dir, ProfileFiles.inMemory(dir, files));
    }

    private static SchoolProfile read(Path dir, ProfileFiles files) {
        Path file = dir.resolve(FILE);
        if (!files.exists(file)) {
            throw PolicyLoadException.of(List.of(Diagnostic.profile(file.toString(), 1, "missing profile file")));
        }
        ProfileFiles.Result read = files.read(file);
        if (read.text().isEmpty()) {
            throw PolicyLoadException.of(List.of(read.problem()));
        }
        String text = read.text().get();
        JsonDocument doc;
        try {
            doc = JsonDocument.parse(text, file.toString());
        } catch (JsonDocument.MalformedException e) {
            throw PolicyLoadException.of(List.of(Diagnostic.profile(e.where(), e.line(), e.what())));
        }
        JsonNode root = doc.root();
        Reader r = new Reader(doc);
        if (root == null || !root.isObject()) {
            throw PolicyLoadException.of(List.of(Diagnostic.profile(file.toString(), 1, "expected a JSON object")));
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            r.remember(f, "/" + JsonDocument.escape(f));
            if (!FIELDS.contains(f)) {
                r.problem(f, "unknown field {}; known fields: " + String.join(", ", new TreeSet<>(FIELDS)), f);
            }
        }
        JsonNode v = root.get("profileVersion");
        if (v == null || !v.isInt() || v.asInt() != VERSION) {
            r.problem("profileVersion", "`profileVersion` must be " + VERSION);
        }
        String name = r.text(root, "name", true);
        ZoneId zone = org.smpolicy.calendar.WorkingCalendar.ENGLAND;
        String tz = r.text(root, "timeZone", false);
        if (tz != null) {
            try {
                zone = ZoneId.of(tz);
            } catch (DateTimeException e) {
                r.problem("timeZone", "unknown time zone {}", tz);
            }
        }
        SortedSet<LocalDate> closures = new TreeSet<>();
        for (String d : r.strings(root, "closureDays")) {
            try {
                closures.add(LocalDate.parse(d));
            } catch (DateTimeException e) {
                r.problem(d, "invalid closure day {}: expected YYYY-MM-DD", d);
            }
        }
        Duration window = Duration.ofHours(24);
        JsonNode w = root.get("responseWindowHours");
        if (w != null) {
            if (!w.isInt() || w.asInt() < 1 || w.asInt() > 168) {
                r.problem("responseWindowHours", "`responseWindowHours` must be a whole number of hours from 1 to 168, found {}", String.valueOf(w));
            } else {
                window = Duration.ofHours(w.asInt());
            }
        }
        int workingDays = 0;
        JsonNode wd = root.get("responseWindowWorkingDays");
        if (wd != null) {
            if (!wd.isInt() || wd.asInt() < 1 || wd.asInt() > 10) {
                r.problem("responseWindowWorkingDays", "`responseWindowWorkingDays` must be a whole number of working days from 1 to 10, found {}",
                        String.valueOf(wd));
            } else if (w != null) {
                r.problem("responseWindowWorkingDays", "give the response window in hours (`responseWindowHours`) or in working days "
                        + "(`responseWindowWorkingDays`), not both");
            } else {
                workingDays = wd.asInt();
            }
        }
        Map<String, String> disabled = r.pairs(root, "disable", "rule");
        Map<String, String> relaxations = r.pairs(root, "relaxations", "of");
        List<OverlayFile> overlays = new ArrayList<>();
        try {
            List<Path> drl = files.overlays();
            if (drl.size() > ProfileFiles.MAX_OVERLAYS) {
                r.problems.add(Diagnostic.profile(dir.toString(), 0, "has " + drl.size() + " overlay files; a profile may have at most " + ProfileFiles.MAX_OVERLAYS));
            } else {
                for (Path p : drl) {
                    ProfileFiles.Result overlay = files.read(p);
                    if (overlay.text().isPresent()) {
                        overlays.add(new OverlayFile(p, overlay.text().get()));
                    } else {
                        r.problems.add(overlay.problem());
                    }
                }
            }
        } catch (IOException e) {
            r.problems.add(Diagnostic.profile(dir.toString(), 0, "cannot list overlay files (" + e.getClass().getSimpleName() + ")"));
        }
        java.util.Optional<org.smpolicy.calendar.HolidayFeed> holidays = java.util.Optional.empty();
        String feedName = r.text(root, "holidaysFile", false);
        if (feedName != null && !feedName.isBlank()) {
            Path feedFile = dir.resolve(feedName).normalize();
            if (!feedFile.startsWith(dir.normalize()) || feedName.contains("..")) {
                r.problem("holidaysFile", "`holidaysFile` must name a file inside the profile directory");
            } else {
                ProfileFiles.Result feed = files.read(feedFile);
                if (feed.text().isEmpty()) {
                    r.problems.add(feed.problem());
                } else {
                    try {
                        holidays = java.util.Optional.of(org.smpolicy.calendar.HolidayFeed.parse(feed.text().get(), feedFile.toString()));
                    } catch (org.smpolicy.calendar.HolidayFeed.InvalidFeedException e) {
                        r.problems.addAll(e.diagnostics());
                    }
                }
            }
        }
        if (!r.problems.isEmpty()) {
            throw PolicyLoadException.of(r.problems);
        }
        return new SchoolProfile(name, dir, zone, closures, window, Set.copyOf(r.strings(root, "linkAllowList")),
                Set.copyOf(r.strings(root, "linkDenyList")), disabled, relaxations, overlays, r.lines, holidays, workingDays);
    }

    /**
     * Reads fields and remembers where they are: each field name, and each value that a later
     * message may name (a closure day, a rule id in {@code disable}), at the line it stands on.
     */
    private static final class Reader {
        final JsonDocument doc;
        final String file;
        final List<Diagnostic> problems = new ArrayList<>();
        final Map<String, Integer> lines = new LinkedHashMap<>();

        Reader(JsonDocument doc) {
            this.doc = doc;
            this.file = doc.where();
        }

        void remember(String key, String pointer) {
            lines.putIfAbsent(key, doc.line(pointer));
        }

        int line(String key) {
            return lines.getOrDefault(key, 1);
        }

        void problem(String key, String message) {
            problem(key, message, null);
        }

        /** A problem quoting {@code value} from the profile where the message has {@code {}}. */
        void problem(String key, String message, String value) {
            problems.add(Diagnostic.profile(file, line(key), null, message, value));
        }

        void problemAt(String pointer, String message) {
            problemAt(pointer, message, null);
        }

        void problemAt(String pointer, String message, String value) {
            problems.add(Diagnostic.profile(file, doc.line(pointer), null, message, value));
        }

        String text(JsonNode root, String field, boolean required) {
            JsonNode v = root.get(field);
            if (v == null) {
                if (required) {
                    problems.add(Diagnostic.profile(file, 1, "missing required field `" + field + "`"));
                }
                return required ? "" : null;
            }
            if (!v.isTextual() || v.asText().isBlank()) {
                problem(field, "`" + field + "` must be a non-empty string");
                return "";
            }
            return v.asText();
        }

        List<String> strings(JsonNode root, String field) {
            JsonNode v = root.get(field);
            List<String> out = new ArrayList<>();
            if (v == null) {
                return out;
            }
            if (!v.isArray()) {
                problem(field, "`" + field + "` must be an array of strings");
                return out;
            }
            int i = 0;
            for (JsonNode e : v) {
                String pointer = "/" + field + "/" + i++;
                if (!e.isTextual()) {
                    problemAt(pointer, "`" + field + "` must contain only strings, found {}", e.toString());
                } else {
                    out.add(e.asText());
                    remember(e.asText(), pointer);
                }
            }
            return out;
        }

        Map<String, String> pairs(JsonNode root, String field, String keyName) {
            Map<String, String> out = new LinkedHashMap<>();
            JsonNode v = root.get(field);
            if (v == null) {
                return out;
            }
            if (!v.isArray()) {
                problem(field, "`" + field + "` must be an array of {\"" + keyName + "\": ..., \"reason\": ...} objects");
                return out;
            }
            int i = 0;
            for (JsonNode e : v) {
                String entry = "/" + field + "/" + i++;
                JsonNode k = e.get(keyName);
                JsonNode reason = e.get("reason");
                if (!e.isObject() || k == null || !k.isTextual()) {
                    problemAt(entry, "each `" + field + "` entry needs a `" + keyName + "` string");
                    continue;
                }
                for (Iterator<String> it = e.fieldNames(); it.hasNext(); ) {
                    String f = it.next();
                    if (!f.equals(keyName) && !f.equals("reason")) {
                        problemAt(entry + "/" + JsonDocument.escape(f), "unknown field {} in `" + field + "`; known fields: " + keyName + ", reason", f);
                    }
                }
                String pointer = entry + "/" + keyName;
                if (reason == null || !reason.isTextual() || reason.asText().isBlank()) {
                    problemAt(pointer, "`" + field + "` entry {} must state a reason", k.asText());
                }
                if (out.put(k.asText(), reason == null ? "" : reason.asText()) != null) {
                    problemAt(pointer, "{} is listed twice in `" + field + "`", k.asText());
                } else {
                    remember(k.asText(), pointer);
                }
            }
            return out;
        }
    }
}
