package org.smpolicy.model;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.smpolicy.diagnostic.Diagnostic;
import org.smpolicy.diagnostic.InvalidRequestException;

/** Boundary checks shared by the request records; every failure names the field. */
final class Require {

    /** Longest free-text value accepted, in characters. */
    static final int MAX_TEXT = 100_000;
    /** Longest identifier accepted, in characters. */
    static final int MAX_ID = 200;

    private Require() {
    }

    static <T> T present(T value, String field) {
        if (value == null) {
            throw new InvalidRequestException(Diagnostic.at(Diagnostic.Code.MISSING_FIELD, "$." + field, "missing required field `" + field + "`", null));
        }
        return value;
    }

    static String id(String value, String field) {
        present(value, field);
        if (value.isBlank()) {
            throw new InvalidRequestException("$." + field, "`" + field + "` must not be blank");
        }
        return text(value, field, MAX_ID);
    }

    static String optionalId(String value, String field) {
        return value == null ? null : id(value, field);
    }

    static String text(String value, String field, int max) {
        if (value != null && value.length() > max) {
            throw new InvalidRequestException(Diagnostic.at(Diagnostic.Code.OVER_LIMIT, "$." + field,
                    "`" + field + "` is " + value.length() + " characters long, over the limit of " + max, null));
        }
        return value;
    }

    static String text(String value, String field) {
        return text(value, field, MAX_TEXT);
    }

    static Answer answer(Answer value) {
        return value == null ? Answer.UNKNOWN : value;
    }

    /** Most entries of any list in a request: no real post has more, and rules may join over lists. */
    static final int MAX_LIST = 200;

    static <T> List<T> list(List<T> value, String field) {
        if (value == null) {
            return List.of();
        }
        if (value.size() > MAX_LIST) {
            throw new InvalidRequestException(Diagnostic.at(Diagnostic.Code.OVER_LIMIT, "$." + field, "at most " + MAX_LIST + " entries in `" + field + "`, found " + value.size(), null));
        }
        for (int i = 0; i < value.size(); i++) {
            if (value.get(i) == null) {
                throw new InvalidRequestException("$." + field + "[" + i + "]", "null is not allowed in `" + field + "`");
            }
        }
        return List.copyOf(value);
    }

    static <E extends Enum<E>> Set<E> enums(Collection<E> value, Class<E> type, String field) {
        if (value == null || value.isEmpty()) {
            return Set.of();
        }
        for (E e : value) {
            if (e == null) {
                throw new InvalidRequestException("$." + field, "null is not allowed in `" + field + "`");
            }
        }
        return Set.copyOf(EnumSet.copyOf(value));
    }

    static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
