package org.smpolicy.diagnostic;

/**
 * Misuse of the library: a bad request or a rule base that cannot be used. A {@code DENY} is
 * never an exception; it is a {@code org.smpolicy.decision.Decision}.
 */
public class PolicyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong, naming the offending value and where it is
     */
    public PolicyException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong
     * @param cause   the underlying error
     */
    public PolicyException(String message, Throwable cause) {
        super(message, cause);
    }
}
