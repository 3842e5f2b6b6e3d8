package org.smpolicy;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import org.smpolicy.decision.Decision;
import org.smpolicy.model.Person;
import org.smpolicy.model.PolicyRequest;

/**
 * Until when a decision holds. Every date in a request is a moment where a date-based fact can
 * flip: a birth date's 18th birthday, the day a consent is withdrawn and the day after it expires,
 * a leaving date. The candidates are collected from the request's own dates (by reflection over
 * the request records, so a field added later, or an overlay rule reading any date, is covered),
 * turned into midnights in the working calendar's zone, and decided again in order; the first that
 * differs is when the decision stops holding. At most {@link #MAX_CANDIDATES} candidates are tried.
 * Each is decided by the caller's function; the engine's runs only the rules that read the instant
 * ({@link TimeRules}) and keeps the others' results from the decision in hand.
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
            for (Part p : PARTS.get(value.getClass())) {
                try {
                    collect(p.getter().invoke(value), p.name(), zone, out);
                } catch (Throwable e) {
                    throw new IllegalStateException("cannot read `" + p.name() + "` of a " + value.getClass().getSimpleName(), e);
                }
            }
        }
    }

    /** A record component that may hold a date, directly or further down. */
    private record Part(String name, java.lang.invoke.MethodHandle getter) {
    }

    // Reflection is read once per record type: a decision only walks the components that can
    // reach a date (a date, a record that can, or a collection).
    private static final ClassValue<List<Part>> PARTS = new ClassValue<>() {
        @Override
        protected List<Part> computeValue(Class<?> type) {
            List<Part> parts = new java.util.ArrayList<>();
            java.lang.invoke.MethodHandles.Lookup lookup = java.lang.invoke.MethodHandles.publicLookup();
            for (RecordComponent c : type.getRecordComponents()) {
                if (mayHoldDate(c.getType(), new java.util.HashSet<>())) {
                    try {
                        parts.add(new Part(c.getName(), lookup.unreflect(c.getAccessor())));
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
            return List.copyOf(parts);
        }
    };

    private static boolean mayHoldDate(Class<?> t, java.util.Set<Class<?>> seen) {
        if (t == LocalDate.class || Iterable.class.isAssignableFrom(t) || t == Object.class || t.isInterface()) {
            return true;
        }
        if (!t.isRecord() || !seen.add(t)) {
            return false;
        }
        for (RecordComponent c : t.getRecordComponents()) {
            if (mayHoldDate(c.getType(), seen)) {
                return true;
            }
        }
        return false;
    }
}
