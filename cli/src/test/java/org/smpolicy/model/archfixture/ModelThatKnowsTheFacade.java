package org.smpolicy.model.archfixture;

/** Breaks the layering on purpose: a model class that knows the facade. Never run. */
public final class ModelThatKnowsTheFacade {
    Object policy(org.smpolicy.SocialMediaPolicy p) {
        return p.profile();
    }
}
