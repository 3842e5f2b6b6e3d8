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
    private final transient List<String> details;
    private final transient List<Diagnostic> diagnostics;

    /**
     * @param problems one {@code file:line: message} line per problem, at least one
     */
    public PolicyLoadException(List<String> problems) {
        this(problems, problems);
    }

    /**
     * @param problems one {@code file:line: message} line per problem, at least one
     * @param details  the problems with what shows each (the generated requests that break an
     *                 invariant, indented under their problem): what {@code check --verbose} prints
     */
    public PolicyLoadException(List<String> problems, List<String> details) {
        super(problems.size() == 1 ? problems.get(0) : problems.size() + " problems:\n" + String.join("\n", problems));
        this.problems = List.copyOf(problems);
        this.details = List.copyOf(details);
        this.diagnostics = problems.stream().map(Diagnostic::ofProfileLine).toList();
    }

    /**
     * @return each problem as a value: code {@link Diagnostic.Code#PROFILE}, the file and line it names, the message
     */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /**
     * @return the problems with what shows each, indented under it; the problems alone when there is nothing more
     */
    public List<String> details() {
        return details;
    }

    /**
     * @return one {@code file:line: message} line per problem
     */
    public List<String> problems() {
        return problems;
    }
}
