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

    /**
     * @return a builder of a {@code DepictedPerson} by field name; a field left unset takes the value
     *         the JSON reader gives a missing field (unknown answers, empty lists, {@code false})
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link DepictedPerson} field by field; {@link #build()} validates as the constructor does. */
    public static final class Builder {
        private String ref;
        private PersonRole role;
        private Consent consent;
        private boolean onNoPublishList;
        private boolean askedNotToBeFilmed;
        private StudentAgeStatus ageStatus;

        private Builder() {
        }

        /**
         * @param ref an opaque reference (e.g. an MIS id); never a name
         * @return this builder
         */
        public Builder ref(String ref) {
            this.ref = ref;
            return this;
        }

        /**
         * @param role who they are to the Federation; required
         * @return this builder
         */
        public Builder role(PersonRole role) {
            this.role = role;
            return this;
        }

        /**
         * @param consent their consent record; "nothing on record" when absent
         * @return this builder
         */
        public Builder consent(Consent consent) {
            this.consent = consent;
            return this;
        }

        /**
         * @param onNoPublishList whether they are on the school's list of children whose images must not be published (11.c)
         * @return this builder
         */
        public Builder onNoPublishList(boolean onNoPublishList) {
            this.onNoPublishList = onNoPublishList;
            return this;
        }

        /**
         * @param askedNotToBeFilmed whether they asked not to be filmed or photographed (11.a)
         * @return this builder
         */
        public Builder askedNotToBeFilmed(boolean askedNotToBeFilmed) {
            this.askedNotToBeFilmed = askedNotToBeFilmed;
            return this;
        }

        /**
         * @param ageStatus whether they are under 18 ({@code UNKNOWN} when absent); a status, not a birth date, is all the policy needs
         * @return this builder
         */
        public Builder ageStatus(StudentAgeStatus ageStatus) {
            this.ageStatus = ageStatus;
            return this;
        }

        /**
         * @return the depictedPerson
         * @throws org.smpolicy.diagnostic.InvalidRequestException when a required field is missing or a value is impossible
         */
        public DepictedPerson build() {
            return new DepictedPerson(ref, role, consent, onNoPublishList, askedNotToBeFilmed, ageStatus);
        }
    }
}
