package org.smpolicy.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.smpolicy.diagnostic.Diagnostic;
import org.smpolicy.diagnostic.Diagnostic.Code;
import org.smpolicy.diagnostic.InvalidRequestException;
import org.smpolicy.model.Answer;
import org.smpolicy.model.PolicyRequest;

/**
 * Jackson's errors in the words of the request: each becomes an {@link InvalidRequestException}
 * naming the JSON path of the offending value, any text quoted from the input held apart in its
 * {@link Diagnostic} (so a service leaves it out), never a Java class name.
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
                return new InvalidRequestException(Diagnostic.at(Code.MISSING_FIELD, path + "." + npe.getMessage(), "missing required field `" + npe.getMessage() + "`", null));
            }
            if (m instanceof UnrecognizedPropertyException u) {
                String known = u.getKnownPropertyIds() == null ? "" : "; known fields: " + u.getKnownPropertyIds().stream()
                        .map(Object::toString).sorted().collect(Collectors.joining(", "));
                return InvalidRequestException.of(Code.UNKNOWN_FIELD, path, "unknown field {}" + known, u.getPropertyName());
            }
            if (m instanceof InvalidTypeIdException t) {
                return InvalidRequestException.of(Code.INVALID_VALUE, path.isEmpty() ? "$.type" : path + ".type",
                        "unknown request type {}; expected one of " + RequestTypes.NAMES, t.getTypeId());
            }
            if (m instanceof InvalidFormatException f) {
                Class<?> target = f.getTargetType();
                if (target == Answer.class) {
                    return InvalidRequestException.of(Code.INVALID_VALUE, path,
                            "unknown value {}; expected true, false, \"YES\", \"NO\" or \"UNKNOWN\"", String.valueOf(f.getValue()));
                }
                if (target != null && target.isEnum()) {
                    return InvalidRequestException.of(Code.INVALID_VALUE, path, "unknown value {}; expected one of "
                            + Arrays.toString(target.getEnumConstants()), String.valueOf(f.getValue()));
                }
                if (target == java.time.OffsetDateTime.class) {
                    return InvalidRequestException.of(Code.INVALID_VALUE, path,
                            "invalid timestamp {}: expected ISO-8601 with an offset, e.g. 2026-11-28T10:00:00Z or 2026-07-03T23:30:00+01:00",
                            String.valueOf(f.getValue()));
                }
                if (target == java.time.LocalDate.class) {
                    return InvalidRequestException.of(Code.INVALID_VALUE, path, "invalid date {}: expected YYYY-MM-DD, e.g. 2026-11-28", String.valueOf(f.getValue()));
                }
                if (root instanceof DateTimeParseException) {
                    return InvalidRequestException.of(Code.INVALID_VALUE, path, DATE_OR_TIME, String.valueOf(f.getValue()));
                }
                return InvalidRequestException.of(Code.INVALID_VALUE, path, "invalid value {}"
                        + (target == null ? "" : ": expected " + simple(target)), String.valueOf(f.getValue()));
            }
            if (root instanceof DateTimeParseException dt) {
                return InvalidRequestException.of(Code.INVALID_VALUE, path, DATE_OR_TIME, dt.getParsedString());
            }
            if (m instanceof MismatchedInputException mi) {
                String msg = firstLine(mi.getOriginalMessage());
                if (msg.startsWith("Missing required creator property")) {
                    return new InvalidRequestException(Diagnostic.at(Code.MISSING_FIELD, path, "missing required field", null));
                }
                Class<?> target = mi.getTargetType();
                if (msg.startsWith("Trailing token")) {
                    return new InvalidRequestException(Diagnostic.at(Code.MALFORMED_JSON, "$", "unexpected content after the request object", null));
                }
                if (target == java.time.LocalDate.class) {
                    return new InvalidRequestException(Diagnostic.at(Code.INVALID_VALUE, path, "invalid date: expected a string YYYY-MM-DD, e.g. 2026-11-28", null));
                }
                if (target == java.time.OffsetDateTime.class) {
                    return new InvalidRequestException(Diagnostic.at(Code.INVALID_VALUE, path,
                            "invalid timestamp: expected an ISO-8601 string with an offset, e.g. 2026-11-28T10:00:00Z", null));
                }
                return held(Code.INVALID_VALUE, path, target == null ? "" : "expected " + simple(target) + ": ", clean(msg));
            }
            if (root instanceof InvalidRequestException ire) {
                return ire.under(path);
            }
            if (root instanceof StreamConstraintsException sc) {
                return new InvalidRequestException(Diagnostic.at(Code.OVER_LIMIT, path.isEmpty() ? "$" : path, "over a limit: " + firstLine(sc.getMessage()), null));
            }
            return held(Code.INVALID_VALUE, path.isEmpty() ? "$" : path, "", clean(firstLine(m.getOriginalMessage())));
        }
        if (e instanceof StreamConstraintsException sc) {
            return new InvalidRequestException(Diagnostic.at(Code.OVER_LIMIT, "$", "over a limit: " + clean(firstLine(sc.getOriginalMessage())) + at(sc.getLocation()), null));
        }
        return held(Code.MALFORMED_JSON, "$", "malformed JSON" + at(e.getLocation()) + ": ", clean(firstLine(e.getOriginalMessage())));
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

    private static final String DATE_OR_TIME =
            "invalid date or time {}: expected ISO-8601, with an offset for timestamps (e.g. 2026-11-28T10:00:00Z), a date as 2026-11-28";

    private static final Pattern QUOTED = Pattern.compile("'([^']*)'|\"([^\"]*)\"");
    /** What Jackson itself quotes after the input: its literals and its feature names. */
    private static final Pattern JACKSON_WORD = Pattern.compile("null|true|false|[A-Z][A-Z_]+");

    /**
     * Jackson's words about a fault, with the text they quote from the input held apart as the
     * value: Jackson quotes the input first, in single or double quotes ({@code Unrecognized token
     * 'Jane': was expecting ... 'null', 'true' or 'false'}, {@code Cannot coerce String value ("yes")}),
     * and after it only its own literals and feature names. Any other message is held apart whole.
     */
    private static InvalidRequestException held(Code code, String path, String prefix, String jackson) {
        Matcher m = QUOTED.matcher(jackson);
        if (!m.find()) {
            return new InvalidRequestException(Diagnostic.at(code, path, prefix + jackson, null));
        }
        String value = m.group(1) != null ? m.group(1) : m.group(2);
        String before = jackson.substring(0, m.start());
        String after = jackson.substring(m.end());
        boolean ownWords = !before.contains("{}") && !after.contains("{}");
        while (ownWords && m.find()) {
            ownWords = m.group(1) != null && JACKSON_WORD.matcher(m.group(1)).matches();
        }
        return ownWords ? InvalidRequestException.of(code, path, prefix + before + "{}" + after, value)
                : InvalidRequestException.of(code, path, prefix + "{}", jackson);
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

    /**
     * Reads a request that the one-pass reader refused, step by step, for the precise problem:
     * empty, not an object, no or an unknown {@code type}, then the fields.
     *
     * @param mapper the strict mapper
     * @param bytes  the document
     * @return the request, if it is one after all
     */
    static PolicyRequest readCarefully(ObjectMapper mapper, byte[] bytes) {
        try {
            JsonNode tree = mapper.readTree(bytes);
            if (tree == null || tree.isMissingNode()) {
                throw new InvalidRequestException("$", "empty document: expected a JSON object with a `type` field");
            }
            if (!tree.isObject()) {
                throw new InvalidRequestException("$", "expected a JSON object with a `type` field, found " + describe(tree));
            }
            JsonNode type = tree.get("type");
            if (type == null) {
                throw new InvalidRequestException(Diagnostic.at(Diagnostic.Code.MISSING_FIELD, "$.type", "missing required field `type`; expected one of " + RequestTypes.NAMES, null));
            }
            if (!type.isTextual() || !RequestTypes.NAMES.contains(type.asText())) {
                throw InvalidRequestException.of(Diagnostic.Code.INVALID_VALUE, "$.type", "unknown request type {}; expected one of " + RequestTypes.NAMES, type.asText());
            }
            return mapper.treeToValue(tree, PolicyRequest.class);
        } catch (JsonProcessingException e) {
            throw translate(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InvalidRequestException e) {
            throw e;
        } catch (RuntimeException e) {
            // The documented contract: the reader throws only InvalidRequestException for any input.
            throw InvalidRequestException.of(Diagnostic.Code.INVALID_REQUEST, "$", "invalid request: {}", String.valueOf(e.getMessage()));
        }
    }

    private static String describe(JsonNode n) {
        return n.isArray() ? "an array" : n.isTextual() ? "a string" : n.isNumber() ? "a number"
                : n.isBoolean() ? "a boolean" : n.isNull() ? "null" : n.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    }
}
