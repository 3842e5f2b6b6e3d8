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

    private PolicyLoadException(List<String> problems, List<String> details, List<Diagnostic> diagnostics) {
        super(problems.size() == 1 ? problems.get(0) : problems.size() + " problems:\n" + String.join("\n", problems));
        this.problems = List.copyOf(problems);
        this.details = List.copyOf(details);
        this.diagnostics = List.copyOf(diagnostics);
    }

    /**
     * The problems as their producers found them: each names its file, line and path apart from
     * its words, and any value it quotes apart from both.
     *
     * @param diagnostics one per problem, at least one
     * @return the exception; {@link #problems()} holds each as {@link Diagnostic#text()}
     */
    public static PolicyLoadException of(List<Diagnostic> diagnostics) {
        List<String> lines = diagnostics.stream().map(Diagnostic::text).toList();
        return new PolicyLoadException(lines, lines, diagnostics);
    }

    /**
     * @param diagnostics one per problem, at least one
     * @param details     the problems with what shows each, indented under it (what {@code check --verbose} prints)
     * @return the exception
     */
    public static PolicyLoadException of(List<Diagnostic> diagnostics, List<String> details) {
        return new PolicyLoadException(diagnostics.stream().map(Diagnostic::text).toList(), details, diagnostics);
    }

    /**
     * @return each problem as a value, code {@link Diagnostic.Code#PROFILE}, as its producer built it
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
