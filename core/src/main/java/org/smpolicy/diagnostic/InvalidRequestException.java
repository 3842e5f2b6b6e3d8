package org.smpolicy.diagnostic;

import java.util.OptionalInt;

/**
 * A request that cannot be decided: malformed JSON, a missing required field, an unknown enum
 * value, an impossible value. {@link #diagnostic()} says what and where as a value;
 * {@link #path()} names where, as a JSON path such as {@code $.images[0].people[1].role}.
 *
 * <p>{@link #getMessage()} quotes the offending value, for the host's own console;
 * {@link #withoutValues()} does not, for a client or a log.
 */
public class InvalidRequestException extends PolicyException {
    private static final long serialVersionUID = 1L;

    private final transient Diagnostic diagnostic;

    /**
     * @param path    where the problem is, as a JSON path ({@code $} for the whole document)
     * @param problem what is wrong, in the library's words: no value from the request
     */
    public InvalidRequestException(String path, String problem) {
        this(Diagnostic.at(Diagnostic.Code.INVALID_REQUEST, path, problem, null));
    }

    /**
     * @param diagnostic what is wrong and where, with any value from the request held apart
     */
    public InvalidRequestException(Diagnostic diagnostic) {
        super(diagnostic.problem());
        this.diagnostic = diagnostic;
    }

    /**
     * A problem quoting a value from the request.
     *
     * @param code    the kind of problem
     * @param path    the JSON path of the value
     * @param message what is wrong, with {@code {}} where the value goes
     * @param value   the text from the request
     * @return the exception to throw
     */
    public static InvalidRequestException of(Diagnostic.Code code, String path, String message, String value) {
        return new InvalidRequestException(Diagnostic.at(code, path, message, value));
    }

    /**
     * @return the problem as a value: its code, path, line, message and (apart) the quoted value
     */
    public Diagnostic diagnostic() {
        return diagnostic;
    }

    /**
     * @return the line of the document the offending value stands on, when the request was read
     *         from a document with lines (a file); empty for a document on one line or a built request
     */
    public OptionalInt line() {
        return diagnostic.line() > 0 ? OptionalInt.of(diagnostic.line()) : OptionalInt.empty();
    }

    /**
     * @param line the line of the document the offending value stands on, from 1
     * @return a copy that knows the line
     */
    public InvalidRequestException atLine(int line) {
        return copy(diagnostic.atLine(line));
    }

    /**
     * The problem with the value quoted from the request shown as {@code `…`}: what a service
     * answers to a client, so that it echoes no personal value back.
     *
     * @return {@code path: message} without the quoted value
     */
    public String withoutValues() {
        return diagnostic.redactedProblem();
    }

    /**
     * @return the JSON path of the offending value
     */
    public String path() {
        return diagnostic.path();
    }

    /**
     * @return the problem without the path, the value quoted
     */
    public String problem() {
        return diagnostic.message(true);
    }

    /**
     * Returns a copy with a path prefix, used when a nested value is validated on its own.
     *
     * @param prefix the path of the enclosing value
     * @return the exception with the combined path
     */
    public InvalidRequestException under(String prefix) {
        return copy(diagnostic.under(prefix));
    }

    private InvalidRequestException copy(Diagnostic d) {
        InvalidRequestException e = new InvalidRequestException(d);
        e.setStackTrace(getStackTrace());
        return e;
    }
}
