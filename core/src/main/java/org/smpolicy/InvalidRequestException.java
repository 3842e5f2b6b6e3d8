package org.smpolicy;

/**
 * A request that cannot be decided: malformed JSON, a missing required field, an unknown enum
 * value, an impossible value. {@link #path()} names where, as a JSON path such as
 * {@code $.images[0].people[1].role}.
 */
public class InvalidRequestException extends PolicyException {
    private static final long serialVersionUID = 1L;

    private final String path;
    private final String problem;

    /**
     * @param path    where the problem is, as a JSON path ({@code $} for the whole document)
     * @param problem what is wrong, lowercase, naming the offending value in backticks
     */
    public InvalidRequestException(String path, String problem) {
        super(path + ": " + problem);
        this.path = path;
        this.problem = problem;
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
        InvalidRequestException e = new InvalidRequestException(combined, problem);
        e.setStackTrace(getStackTrace());
        return e;
    }
}
