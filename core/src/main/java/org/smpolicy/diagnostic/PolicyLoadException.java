package org.smpolicy.diagnostic;

import java.util.List;

/**
 * A rule base or school profile that cannot be used: DRL that does not compile, unknown rule ids,
 * rules without clause metadata, forbidden calls. {@link #problems()} lists every problem as
 * {@code file:line: message}. A policy that was working keeps working when this is thrown.
 */
public class PolicyLoadException extends PolicyException {
    private static final long serialVersionUID = 1L;

    private final transient List<String> problems;

    /**
     * @param problems one {@code file:line: message} line per problem, at least one
     */
    public PolicyLoadException(List<String> problems) {
        super(problems.size() == 1 ? problems.get(0) : problems.size() + " problems:\n" + String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    /**
     * @return one {@code file:line: message} line per problem
     */
    public List<String> problems() {
        return problems;
    }
}
