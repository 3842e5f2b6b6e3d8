package org.smpolicy.model;

/**
 * Someone named to run a proposed account (5.a.iv, 5.b).
 *
 * @param ref        an opaque reference; required
 * @param role       staff, volunteer, parent...; required
 * @param readPolicy whether they have read and understood this policy; {@code UNKNOWN} when absent
 * @param trained    whether they received appropriate training; {@code UNKNOWN} when absent
 */
public record Runner(String ref, PersonRole role, Answer readPolicy, Answer trained) {

    /** Validates; an absent answer is {@code UNKNOWN}. */
    public Runner {
        ref = Require.id(ref, "ref");
        Require.present(role, "role");
        readPolicy = Require.answer(readPolicy);
        trained = Require.answer(trained);
    }

    /**
     * 5.a.iv and 5.b: who may run a Federation account: staff, volunteers, governors, and parents
     * (the policy's own example is a "Friends of the school" page; 5.b names "volunteers or
     * parents"). Pupils, journalists, members of the public and the Federation's own accounts may not.
     *
     * @return whether someone in this role may be named as a runner
     */
    public boolean mayRun() {
        return role.boundAsStaff() || role == PersonRole.PARENT;
    }
}
