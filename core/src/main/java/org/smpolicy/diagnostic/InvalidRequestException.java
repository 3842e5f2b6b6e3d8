package org.smpolicy.diagnostic;

/**
 * A request that cannot be decided: malformed JSON, a missing required field, an unknown enum
 * value, an impossible value. {@link #path()} names where, as a JSON path such as
 * {@code $.images[0].people[1].role}.
 */
public class InvalidRequestException extends PolicyException {
    private static final long serialVersionUID = 1L;

    private final String path;
    private final String problem;
    private final int line;

    /**
     * @param path    where the problem is, as a JSON path ({@code $} for the whole document)
     * @param problem what is wrong, lowercase, naming the offending value in backticks
     */
    public InvalidRequestException(String path, String problem) {
        this(path, problem, 0);
    }

    private InvalidRequestException(String path, String problem, int line) {
        super(oneLine(path) + ": " + oneLine(problem));
        this.path = oneLine(path);
        this.problem = oneLine(problem);
        this.line = line;
    }

    /**
     * @return the line of the document the offending value stands on, when the request was read
     *         from a document with lines (a file); empty for a document on one line or a built request
     */
    public java.util.OptionalInt line() {
        return line > 0 ? java.util.OptionalInt.of(line) : java.util.OptionalInt.empty();
    }

    /**
     * @param line the line of the document the offending value stands on, from 1
     * @return a copy that knows the line
     */
    public InvalidRequestException atLine(int line) {
        InvalidRequestException e = new InvalidRequestException(path, problem, line);
        e.setStackTrace(getStackTrace());
        return e;
    }

    // A value from a request may hold line breaks or other control characters: escaped, so that
    // a message is always one line and can never forge another line in a log.
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

    /**
     * The problem with every value quoted from the request (in backticks) replaced by {@code …}:
     * what a service answers to a client, so that it echoes no personal value back.
     *
     * @return the message without quoted values
     */
    public String withoutValues() {
        return path + ": " + problem.replaceAll("`[^`]*`", "`…`");
    }

    /**
     * @return the JSON path of the offending value
     */
    public String path() {
        return path;
    }

    /**
     * @return the problem without the path
     */
    public String problem() {
        return problem;
    }

    /**
     * Returns a copy with a path prefix, used when a nested value is validated on its own.
     *
     * @param prefix the path of the enclosing value
     * @return the exception with the combined path
     */
    public InvalidRequestException under(String prefix) {
        String combined = "$".equals(path) ? prefix : prefix + path.substring(1);
        InvalidRequestException e = new InvalidRequestException(combined, problem, line);
        e.setStackTrace(getStackTrace());
        return e;
    }
}
