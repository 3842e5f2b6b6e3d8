package org.smpolicy.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.smpolicy.diagnostic.InvalidRequestException;
import org.smpolicy.model.Answer;

/**
 * Jackson's errors in the words of the request: each becomes an {@link InvalidRequestException}
 * naming the JSON path of the offending value, the value only in backticks (so a service can strip
 * it), never a Java class name.
 */
final class JsonErrors {

    private JsonErrors() {
    }

    /**
     * Turns a Jackson error into an {@link InvalidRequestException} naming the JSON path.
     *
     * @param e the error
     * @return the exception to throw
     */
    static InvalidRequestException translate(JsonProcessingException e) {
        if (e instanceof JsonMappingException m) {
            Throwable root = m.getCause();
            String path = path(m.getPath());
            if (m instanceof ValueInstantiationException && root instanceof InvalidRequestException ire) {
                return ire.under(path);
            }
            if (m instanceof ValueInstantiationException && root instanceof NullPointerException npe && npe.getMessage() != null
                    && npe.getMessage().matches("[a-zA-Z]+")) {
                // the records' own Objects.requireNonNull(value, "field")
                return new InvalidRequestException(path + "." + npe.getMessage(), "missing required field `" + npe.getMessage() + "`");
            }
            if (m instanceof UnrecognizedPropertyException u) {
                String known = u.getKnownPropertyIds() == null ? "" : "; known fields: " + u.getKnownPropertyIds().stream()
                        .map(Object::toString).sorted().collect(Collectors.joining(", "));
                return new InvalidRequestException(path, "unknown field `" + u.getPropertyName() + "`" + known);
            }
            if (m instanceof InvalidTypeIdException t) {
                return new InvalidRequestException(path.isEmpty() ? "$.type" : path + ".type",
                        "unknown request type `" + t.getTypeId() + "`; expected one of " + RequestTypes.NAMES);
            }
            if (m instanceof InvalidFormatException f) {
                Class<?> target = f.getTargetType();
                if (target == Answer.class) {
                    return new InvalidRequestException(path, "unknown value `" + f.getValue()
                            + "`; expected true, false, \"YES\", \"NO\" or \"UNKNOWN\"");
                }
                if (target != null && target.isEnum()) {
                    return new InvalidRequestException(path, "unknown value `" + f.getValue() + "`; expected one of "
                            + Arrays.toString(target.getEnumConstants()));
                }
                if (target == java.time.OffsetDateTime.class) {
                    return new InvalidRequestException(path, "invalid timestamp `" + f.getValue()
                            + "`: expected ISO-8601 with an offset, e.g. 2026-11-28T10:00:00Z or 2026-07-03T23:30:00+01:00");
                }
                if (target == java.time.LocalDate.class) {
                    return new InvalidRequestException(path, "invalid date `" + f.getValue() + "`: expected YYYY-MM-DD, e.g. 2026-11-28");
                }
                if (root instanceof DateTimeParseException) {
                    return new InvalidRequestException(path, "invalid date or time `" + f.getValue()
                            + "`: expected ISO-8601, with an offset for timestamps (e.g. 2026-11-28T10:00:00Z), a date as 2026-11-28");
                }
                return new InvalidRequestException(path, "invalid value `" + f.getValue() + "`"
                        + (target == null ? "" : ": expected " + simple(target)));
            }
            if (root instanceof DateTimeParseException dt) {
                return new InvalidRequestException(path, "invalid date or time `" + dt.getParsedString()
                        + "`: expected ISO-8601, with an offset for timestamps (e.g. 2026-11-28T10:00:00Z), a date as 2026-11-28");
            }
            if (m instanceof MismatchedInputException mi) {
                String msg = firstLine(mi.getOriginalMessage());
                if (msg.startsWith("Missing required creator property")) {
                    return new InvalidRequestException(path, "missing required field");
                }
                Class<?> target = mi.getTargetType();
                if (msg.startsWith("Trailing token")) {
                    return new InvalidRequestException("$", "unexpected content after the request object");
                }
                if (target == java.time.LocalDate.class) {
                    return new InvalidRequestException(path, "invalid date: expected a string YYYY-MM-DD, e.g. 2026-11-28");
                }
                if (target == java.time.OffsetDateTime.class) {
                    return new InvalidRequestException(path, "invalid timestamp: expected an ISO-8601 string with an offset, e.g. 2026-11-28T10:00:00Z");
                }
                return new InvalidRequestException(path, (target == null ? "" : "expected " + simple(target) + ": ") + clean(msg));
            }
            if (root instanceof InvalidRequestException ire) {
                return ire.under(path);
            }
            if (root instanceof StreamConstraintsException sc) {
                return new InvalidRequestException(path.isEmpty() ? "$" : path, "over a limit: " + firstLine(sc.getMessage()));
            }
            return new InvalidRequestException(path.isEmpty() ? "$" : path, clean(firstLine(m.getOriginalMessage())));
        }
        if (e instanceof StreamConstraintsException sc) {
            return new InvalidRequestException("$", "over a limit: " + clean(firstLine(sc.getOriginalMessage())) + at(sc.getLocation()));
        }
        return new InvalidRequestException("$", "malformed JSON" + at(e.getLocation()) + ": " + quoted(clean(firstLine(e.getOriginalMessage()))));
    }

    private static String simple(Class<?> type) {
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (List.class.isAssignableFrom(type) || java.util.Set.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (type.getPackageName().startsWith("org.smpolicy.model") && type.isRecord()) {
            return "an object";
        }
        return type.getSimpleName();
    }

    private static String at(JsonLocation loc) {
        return loc == null || loc.getLineNr() < 0 ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static String clean(String s) {
        // Jackson names internal classes; the user knows fields, not classes.
        return s.replaceAll("`?(java\\.lang|java\\.util|java\\.time|org\\.smpolicy\\.model)\\.([A-Za-z]+)`?", "$2")
                .replaceAll("\\(for Object starting at.*\\)", "")
                .replaceAll("\\s*\\(but might if coercion.*$", "")
                .replaceAll("\\s*\\(start marker at.*$", "")
                .replaceAll("\\s*at \\[Source:.*$", "")
                .replaceAll(", from `StreamReadConstraints[^`]*`\\)", ")")
                // the length Jackson reports depends on where its buffer stood: not a stable fact
                .replaceAll("String value length \\(\\d+\\) exceeds", "String value length exceeds")
                .replace("`boolean`", "boolean").strip();
    }

    /**
     * Jackson quotes the offending text in single quotes ({@code Unrecognized token 'Jane'}): in
     * backticks instead, like every other value in a message, so that {@link InvalidRequestException#withoutValues()}
     * removes it before a service answers a client.
     */
    private static String quoted(String s) {
        return s.replaceAll("'([^']*)'", "`$1`");
    }

    /**
     * @param refs where Jackson was
     * @return the JSON path: {@code .name} for a plain name, {@code ['na.me']} for any other key
     *         (so that {@link JsonDocument#pointer(String)} finds the same value again)
     */
    static String path(List<JsonMappingException.Reference> refs) {
        StringBuilder sb = new StringBuilder("$");
        for (JsonMappingException.Reference r : refs) {
            if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            } else if (r.getFieldName() != null) {
                sb.append(step(r.getFieldName()));
            }
        }
        return sb.toString();
    }

    static String step(String name) {
        return name.matches("[A-Za-z0-9_-]+") ? "." + name : "['" + name.replace("\\", "\\\\").replace("'", "\\'") + "']";
    }
}
