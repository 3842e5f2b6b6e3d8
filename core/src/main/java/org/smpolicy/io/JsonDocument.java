package org.smpolicy.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A JSON file read strictly, knowing the line every value stands on: the one reader for the files
 * people write by hand (school profiles, holiday feeds, scenario files, the clause catalogue), so
 * that every message can say {@code file:line}. Duplicate keys, content after the document,
 * {@code NaN}, comments, nesting deeper than {@value #MAX_DEPTH} and strings longer than
 * {@value #MAX_STRING} characters are errors. A parse error names the place, never the content
 * (a file may hold personal data).
 *
 * <p>Locations are looked up by JSON Pointer (RFC 6901): {@code line("/disable/0/rule")}. For an
 * object member the line is that of its key.
 *
 * <pre>{@code
 * JsonDocument doc = JsonDocument.parse(Files.readString(path), path.toString());
 * JsonNode name = doc.root().get("name");
 * problems.add(doc.at("/name") + ": `name` must be a non-empty string");
 * }</pre>
 */
public final class JsonDocument {

    /** Deepest nesting accepted. */
    public static final int MAX_DEPTH = 64;
    /** Longest string accepted, in characters. */
    public static final int MAX_STRING = 1_000_000;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).maxStringLength(MAX_STRING).build())
            .build();

    private final String where;
    private final JsonNode root;
    private final Map<String, Integer> lines;

    private JsonDocument(String where, JsonNode root, Map<String, Integer> lines) {
        this.where = where;
        this.root = root;
        this.lines = lines;
    }

    /**
     * A document that is not well-formed JSON, or breaks a rule of the strict reader.
     */
    public static final class MalformedException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final String where;
        private final int line;
        private final String what;

        MalformedException(String where, int line, int column, String what) {
            super(where + ":" + line + ": " + what + (column > 0 ? " at column " + column : ""));
            this.where = where;
            this.line = line;
            this.what = what + (column > 0 ? " at column " + column : "");
        }

        /** @return the file name the document was read as */
        public String where() {
            return where;
        }

        /** @return the line of the problem, from 1 */
        public int line() {
            return line;
        }

        /** @return what is wrong, and at which column, without the file and line; never the input */
        public String what() {
            return what;
        }
    }

    /**
     * Reads a document.
     *
     * @param text  the document
     * @param where the file name used in messages
     * @return the document
     * @throws MalformedException as {@code where:line: what at column N}
     */
    public static JsonDocument parse(String text, String where) {
        return parse(FACTORY, text, where);
    }

    /**
     * Reads a document under a request reader's limits (nesting and string length; the caller
     * checks the size).
     *
     * @param text   the document
     * @param where  the file name used in messages
     * @param limits the limits
     * @return the document
     * @throws MalformedException as {@code where:line: what at column N}
     */
    public static JsonDocument parse(String text, String where, JsonLimits limits) {
        return parse(JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(limits.maxDepth())
                        .maxStringLength(limits.maxStringLength()).build()).build(), text, where);
    }

    private static JsonDocument parse(JsonFactory factory, String text, String where) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(where, "where");
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser p = factory.createParser(text)) {
            if (p.nextToken() == null) {
                throw new MalformedException(where, 1, 0, "empty document");
            }
            JsonNode root = value(p, "", lines);
            if (p.nextToken() != null) {
                throw malformed(where, p.currentTokenLocation(), "unexpected content after the document");
            }
            return new JsonDocument(where, root, lines);
        } catch (JsonProcessingException e) {
            String what = e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")
                    ? "duplicate key" : e.getOriginalMessage() != null && e.getOriginalMessage().contains("exceeds the maximum")
                    ? "over a limit of nesting depth, string or number length" : "malformed JSON";
            throw malformed(where, e.getLocation(), what);
        } catch (IOException e) {
            throw new MalformedException(where, 1, 0, "cannot be read");
        }
    }

    private static MalformedException malformed(String where, JsonLocation at, String what) {
        return at == null || at.getLineNr() < 1 ? new MalformedException(where, 1, 0, what)
                : new MalformedException(where, at.getLineNr(), at.getColumnNr(), what);
    }

    private static JsonNode value(JsonParser p, String pointer, Map<String, Integer> lines) throws IOException {
        lines.putIfAbsent(pointer, p.currentTokenLocation().getLineNr());
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        switch (p.currentToken()) {
            case START_OBJECT -> {
                ObjectNode o = nodes.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    String child = pointer + "/" + escape(name);
                    lines.put(child, p.currentTokenLocation().getLineNr());
                    p.nextToken();
                    o.set(name, value(p, child, lines));
                }
                return o;
            }
            case START_ARRAY -> {
                ArrayNode a = nodes.arrayNode();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    a.add(value(p, pointer + "/" + i++, lines));
                }
                return a;
            }
            case VALUE_STRING -> {
                return nodes.textNode(p.getText());
            }
            case VALUE_NUMBER_INT -> {
                return switch (p.getNumberType()) {
                    case INT -> nodes.numberNode(p.getIntValue());
                    case LONG -> nodes.numberNode(p.getLongValue());
                    default -> nodes.numberNode(p.getBigIntegerValue());
                };
            }
            case VALUE_NUMBER_FLOAT -> {
                return nodes.numberNode(p.getDecimalValue());
            }
            case VALUE_TRUE -> {
                return nodes.booleanNode(true);
            }
            case VALUE_FALSE -> {
                return nodes.booleanNode(false);
            }
            case VALUE_NULL -> {
                return nodes.nullNode();
            }
            default -> throw new JsonParseException(p, "unexpected token");
        }
    }

    /**
     * @param key an object key
     * @return the key as one JSON Pointer step ({@code ~} as {@code ~0}, {@code /} as {@code ~1})
     */
    public static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    /** @return the document's root value */
    public JsonNode root() {
        return root;
    }

    /** @return the file name used in messages */
    public String where() {
        return where;
    }

    /**
     * @param pointer a JSON Pointer such as {@code /disable/0/rule}; {@code ""} is the root
     * @return the line the value (for an object member: its key) stands on; for a pointer to
     *         nothing, the line of the nearest value that encloses it
     */
    public int line(String pointer) {
        String p = pointer;
        while (true) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
            if (p.isEmpty()) {
                return 1;
            }
            p = p.substring(0, p.lastIndexOf('/') < 0 ? 0 : p.lastIndexOf('/'));
        }
    }

    /**
     * @param path a JSON path as messages write it, such as {@code $.events[3].date}
     * @return {@code where:line: path} for a message
     */
    public String place(String path) {
        return at(pointer(path)) + ": " + path;
    }

    /**
     * @param path a JSON path such as {@code $.images[0].people[1].role}, with {@code ['a.b']} for a
     *             key that is not a plain name
     * @return the JSON Pointer to the same value, {@code /images/0/people/1/role}
     */
    public static String pointer(String path) {
        StringBuilder out = new StringBuilder();
        int i = path.startsWith("$") ? 1 : 0;
        while (i < path.length()) {
            char c = path.charAt(i);
            if (c == '.') {
                int end = i + 1;
                while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
                    end++;
                }
                out.append('/').append(escape(path.substring(i + 1, end)));
                i = end;
            } else if (c == '[' && i + 1 < path.length() && path.charAt(i + 1) == '\'') {
                StringBuilder key = new StringBuilder();
                int j = i + 2;
                while (j < path.length() && path.charAt(j) != '\'') {
                    if (path.charAt(j) == '\\' && j + 1 < path.length()) {
                        j++;
                    }
                    key.append(path.charAt(j++));
                }
                out.append('/').append(escape(key.toString()));
                i = Math.min(path.length(), j + 2);
            } else if (c == '[') {
                int end = path.indexOf(']', i);
                end = end < 0 ? path.length() : end;
                out.append('/').append(path, i + 1, end);
                i = end + 1;
            } else {
                i++;
            }
        }
        return out.toString();
    }

    /**
     * @param pointer a JSON Pointer
     * @return {@code where:line} for a message
     */
    public String at(String pointer) {
        return where + ":" + line(pointer);
    }
}
