package org.smpolicy.model.archfixture;

/**
 * Breaks the layering on purpose: a model class that knows a decision, a layer above it (and, as
 * decisions know the model, a cycle). Never run.
 */
public final class ModelThatKnowsTheDecision {
    Object outcome(org.smpolicy.decision.Decision d) {
        return d.outcome();
    }
}
