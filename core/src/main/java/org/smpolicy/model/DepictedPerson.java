package org.smpolicy.model;

/**
 * Someone who can be seen in an image.
 *
 * @param ref                an opaque reference (e.g. an MIS id); never a name
 * @param role               who they are to the Federation; required
 * @param consent            their consent record; "nothing on record" when absent
 * @param onNoPublishList    whether they are on the school's list of children whose images must not be published (11.c)
 * @param askedNotToBeFilmed whether they asked not to be filmed or photographed (11.a)
 * @param ageStatus          whether they are under 18 ({@code UNKNOWN} when absent); a status, not a birth date,
 *                           is all the policy needs
 */
public record DepictedPerson(String ref, PersonRole role, Consent consent, boolean onNoPublishList,
                             boolean askedNotToBeFilmed, StudentAgeStatus ageStatus) {

    /** Validates. */
    public DepictedPerson {
        ref = Require.optionalId(ref, "ref");
        Require.present(role, "role");
        consent = Require.or(consent, Consent.unknown());
        ageStatus = Require.or(ageStatus, StudentAgeStatus.UNKNOWN);
    }

    /** Someone of unknown age. */
    public DepictedPerson(String ref, PersonRole role, Consent consent, boolean onNoPublishList, boolean askedNotToBeFilmed) {
        this(ref, role, consent, onNoPublishList, askedNotToBeFilmed, StudentAgeStatus.UNKNOWN);
    }

    /**
     * Whether a picture of this person is a "student picture" (11.b): a current pupil always (all
     * primary pupils are under 18, whatever the data says), a former pupil unless known to be an adult.
     *
     * @return whether the person may be a pupil
     */
    public boolean mayBePupil() {
        return role.pupil(ageStatus);
    }

    /** @return whether the person is a current or former student */
    public boolean student() {
        return role.pupilOrFormerPupil();
    }

    /** @return a label for messages: the reference, or the role */
    public String label() {
        return ref != null ? ref : role.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
