package org.smpolicy.cli.archfixture;

/** Breaks the layering on purpose: a command-line class that uses the engine. Never run. */
public final class ReachesIntoTheEngine {
    Object engine(org.smpolicy.internal.RuleEngine e) {
        return e.rules();
    }
}
