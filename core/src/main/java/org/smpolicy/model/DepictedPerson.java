package org.smpolicy.model;

/**
 * Someone who can be seen in an image.
 *
 * @param ref                an opaque reference (e.g. an MIS id); never a name
 * @param role               who they are to the Federation; required
 * @param consent            their consent record; "nothing on record" when absent
 * @param onNoPublishList    whether they are on the school's list of children whose images must not be published (11.c)
 * @param askedNotToBeFilmed whether they asked not to be filmed or photographed (11.a)
 */
public record DepictedPerson(String ref, PersonRole role, Consent consent, boolean onNoPublishList,
                             boolean askedNotToBeFilmed) {

    /** Validates. */
    public DepictedPerson {
        ref = Require.optionalId(ref, "ref");
        Require.present(role, "role");
        consent = Require.or(consent, Consent.unknown());
    }

    /** @return whether the person is a current or former student */
    public boolean student() {
        return role == PersonRole.STUDENT || role == PersonRole.FORMER_STUDENT;
    }

    /** @return a label for messages: the reference, or the role */
    public String label() {
        return ref != null ? ref : role.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
