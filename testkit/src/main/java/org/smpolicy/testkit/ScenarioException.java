package org.smpolicy.testkit;

import org.smpolicy.diagnostic.PolicyException;

/** A scenario file that cannot be read: names the file and the JSON path. */
public class ScenarioException extends PolicyException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message {@code file: $.path: problem}
     */
    public ScenarioException(String message) {
        super(message);
    }
}
