package org.smpolicy.model;

/**
 * Someone named to run a proposed account (5.a.iv, 5.b).
 *
 * @param ref        an opaque reference; required
 * @param role       staff, volunteer, parent...; required
 * @param readPolicy whether they have read and understood this policy
 * @param trained    whether they received appropriate training
 */
public record Runner(String ref, PersonRole role, boolean readPolicy, boolean trained) {

    /** Validates. */
    public Runner {
        ref = Require.id(ref, "ref");
        Require.present(role, "role");
    }
}
