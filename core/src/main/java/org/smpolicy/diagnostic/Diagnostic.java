package org.smpolicy.diagnostic;

import java.util.Locale;

/**
 * One problem with a request or a profile, as a value: what kind it is, where it is, what is wrong
 * in the library's own words, and apart from those words the value it quotes from the input.
 *
 * <p>Redaction is structural: {@link #message()} never holds input, only a {@code {}} where the
 * quoted {@link #value()} goes, so {@link #redacted()} (what a service answers a client, what a
 * log writes) cannot echo a name or a birth date back however the input was written, and
 * {@link #text()} (what a command line prints for the host's own file) shows it. Products render
 * diagnostics; none builds its own.
 *
 * @param code    what kind of problem
 * @param file    the file the problem is in, or {@code null} for a request read from a body or built in Java
 * @param line    the line of {@code file} or of the request document, from 1; 0 when unknown
 * @param path    the JSON path of the offending value ({@code $} for the whole document), or {@code null}
 *                when the problem is not about one value (a DRL compile error)
 * @param message what is wrong, one line; where it holds {@code {}}, the quoted {@code value} goes
 *                (added at the end when the message has no place for it)
 * @param value   the text quoted from the input, or {@code null}
 */
public record Diagnostic(Code code, String file, int line, String path, String message, String value) {

    /** The kinds of problem, each with a stable name in JSON ({@link #id()}). */
    public enum Code {
        /** Not JSON at all, or JSON with content after the document. */
        MALFORMED_JSON,
        /** Over a size limit (document, string, nesting, list). */
        OVER_LIMIT,
        /** A required field is absent. */
        MISSING_FIELD,
        /** A field the schema does not have. */
        UNKNOWN_FIELD,
        /** A value of the wrong type, outside its vocabulary, or not a valid date or time. */
        INVALID_VALUE,
        /** A request whose values cannot go together (consent granted without channels). */
        INVALID_REQUEST,
        /** A school profile, its DRL or its data files cannot be used. */
        PROFILE;

        /**
         * @return the name used in JSON, e.g. {@code missing-field}
         */
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** What a quoted value shows as in {@link #redacted()}. */
    public static final String REDACTED = "…";

    /**
     * Checks the parts and escapes control characters, so that a diagnostic is always one line and
     * can never forge another line in a log.
     */
    public Diagnostic {
        if (code == null) {
            throw new IllegalArgumentException("a diagnostic has a code");
        }
        message = oneLine(message);
        path = path == null ? null : oneLine(path);
        value = value == null ? null : oneLine(value);
        if (value != null && !message.contains("{}")) {
            message = message + ": {}";
        }
        line = Math.max(0, line);
    }

    /**
     * A problem with one value of a request.
     *
     * @param code    the kind
     * @param path    the JSON path of the value
     * @param message what is wrong, with {@code {}} where {@code value} goes
     * @param value   the text quoted from the request, or {@code null}
     * @return the diagnostic, with no file and no line yet
     */
    public static Diagnostic at(Code code, String path, String message, String value) {
        return new Diagnostic(code, null, 0, path == null ? "$" : path, message, value);
    }

    /**
     * A problem with a school profile or one of its files.
     *
     * @param file    the file, or the profile directory
     * @param line    the line, from 1; 0 when the problem is about the whole file
     * @param path    the JSON path of the value in a JSON file, or {@code null}
     * @param message what is wrong, with {@code {}} where {@code value} goes
     * @param value   the text quoted from the file, or {@code null}
     * @return the diagnostic, code {@link Code#PROFILE}
     */
    public static Diagnostic profile(String file, int line, String path, String message, String value) {
        return new Diagnostic(Code.PROFILE, file, line, path, message, value);
    }

    /**
     * @param file    the file, or the profile directory
     * @param line    the line, from 1; 0 when the problem is about the whole file
     * @param message what is wrong
     * @return the diagnostic, code {@link Code#PROFILE}, quoting nothing
     */
    public static Diagnostic profile(String file, int line, String message) {
        return new Diagnostic(Code.PROFILE, file, line, null, message, null);
    }

    /**
     * @param file the file the problem is in
     * @return a copy naming the file
     */
    public Diagnostic inFile(String file) {
        return new Diagnostic(code, file, line, path, message, value);
    }

    /**
     * @param line the line, from 1
     * @return a copy naming the line
     */
    public Diagnostic atLine(int line) {
        return new Diagnostic(code, file, line, path, message, value);
    }

    /**
     * @param prefix the path of the value the problem was found inside, e.g. {@code $.images[0]}
     * @return a copy whose path starts there
     */
    public Diagnostic under(String prefix) {
        String p = path == null || "$".equals(path) ? prefix : prefix + path.substring(1);
        return new Diagnostic(code, file, line, p, message, value);
    }

    /**
     * @return the message with the quoted value in backticks: {@code path: message}
     */
    public String problem() {
        return (path == null ? "" : path + ": ") + message(true);
    }

    /**
     * @return the message with the value shown as {@code `…`}: {@code path: message}
     */
    public String redactedProblem() {
        return (path == null ? "" : path + ": ") + message(false);
    }

    /**
     * @return {@code file:line: path: message} with the value quoted, for the host's own console
     */
    public String text() {
        return where() + problem();
    }

    /**
     * @return {@code file:line: path: message} with the value shown as {@code `…`}: for a client or a log
     */
    public String redacted() {
        return where() + redactedProblem();
    }

    private String where() {
        if (file == null) {
            return "";
        }
        return line > 0 ? file + ":" + line + ": " : file + ": ";
    }

    /**
     * @param withValue whether the quoted value is shown, or {@code `…`} in its place
     * @return the message with the value in its place, in backticks
     */
    public String message(boolean withValue) {
        if (value == null) {
            return message;
        }
        int at = message.indexOf("{}");
        return message.substring(0, at) + "`" + (withValue ? value : REDACTED) + "`" + message.substring(at + 2);
    }

    private static String oneLine(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029') {
                if (b == null) {
                    b = new StringBuilder(s.substring(0, i));
                }
                b.append(String.format("\\u%04x", (int) c));
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? s : b.toString();
    }
}
