package org.smpolicy.internal;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import org.smpolicy.Decision;
import org.smpolicy.model.Person;
import org.smpolicy.model.PolicyRequest;

/**
 * Until when a decision holds. Every date in a request is a moment where a date-based fact can
 * flip: a birth date's 18th birthday, the day a consent is withdrawn and the day after it expires,
 * a leaving date. The candidates are collected from the request's own dates (by reflection over
 * the request records, so a field added later, or an overlay rule reading any date, is covered),
 * turned into midnights in the working calendar's zone, and decided again in order; the first that
 * differs is when the decision stops holding. At most {@link #MAX_CANDIDATES} candidates are tried.
 */
final class Validity {

    /** Most instants one decision is decided again at. */
    static final int MAX_CANDIDATES = 16;

    private Validity() {
    }

    static Optional<Decision.Change> change(PolicyRequest request, Decision now, Instant at, ZoneId zone,
                                            Function<Instant, Decision> decideAt) {
        TreeSet<Instant> candidates = new TreeSet<>();
        collect(request, "", zone, candidates);
        int tried = 0;
        for (Instant c : candidates) {
            if (!c.isAfter(at)) {
                continue;
            }
            if (++tried > MAX_CANDIDATES) {
                break;
            }
            Decision later = decideAt.apply(c);
            if (!later.sameAs(c, now, at)) {
                return Optional.of(new Decision.Change(c, later.outcome()));
            }
        }
        return Optional.empty();
    }

    private static void collect(Object value, String name, ZoneId zone, TreeSet<Instant> out) {
        if (value instanceof LocalDate d) {
            out.add(d.atStartOfDay(zone).toInstant());
            out.add(d.plusDays(1).atStartOfDay(zone).toInstant());
            if (name.equals("dateOfBirth")) {
                out.add(Person.eighteenthBirthday(d).atStartOfDay(zone).toInstant());
            }
        } else if (value instanceof Iterable<?> items) {
            for (Object item : items) {
                collect(item, name, zone, out);
            }
        } else if (value != null && value.getClass().isRecord()) {
            for (RecordComponent c : value.getClass().getRecordComponents()) {
                try {
                    collect(c.getAccessor().invoke(value), c.getName(), zone, out);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }
}
