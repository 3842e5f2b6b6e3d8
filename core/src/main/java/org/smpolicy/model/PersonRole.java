package org.smpolicy.model;

/** A person's relationship to the Federation. */
public enum PersonRole {
    /** A current pupil. */
    STUDENT,
    /** A pupil who has left. */
    FORMER_STUDENT,
    /** A parent or carer. */
    PARENT,
    /** A member of staff. */
    STAFF,
    /** A volunteer. */
    VOLUNTEER,
    /** A governor. */
    GOVERNOR,
    /** A journalist. */
    JOURNALIST,
    /** Anyone else. */
    PUBLIC,
    /** The Federation itself: one of its schools' own accounts. */
    FEDERATION;

    /**
     * @return the role in words, with its article, for messages: "a pupil", "a parent or carer",
     *         "a journalist"
     */
    public String label() {
        return switch (this) {
            case STUDENT -> "a pupil";
            case FORMER_STUDENT -> "a former pupil";
            case PARENT -> "a parent or carer";
            case STAFF -> "a member of staff";
            case VOLUNTEER -> "a volunteer";
            case GOVERNOR -> "a governor";
            case JOURNALIST -> "a journalist";
            case PUBLIC -> "a member of the public";
            case FEDERATION -> "the Federation's own account";
        };
    }

    /**
     * Who the clauses written for staff (3.a, 7.h, 7.i, 11.d, 12.b.i, ...) bind: staff, volunteers
     * and governors, who work in the schools.
     *
     * @return whether the staff clauses bind someone in this role
     */
    public boolean boundAsStaff() {
        return this == STAFF || this == VOLUNTEER || this == GOVERNOR;
    }

    /** @return whether this is a current or former pupil of the Federation, whatever their age */
    public boolean pupilOrFormerPupil() {
        return this == STUDENT || this == FORMER_STUDENT;
    }

    /**
     * "Is a pupil", written once: a current pupil always (every primary pupil is a child, whatever
     * the age data says), a former pupil unless known to be an adult.
     *
     * @param age what is known of the person's age
     * @return whether someone in this role, of this age, counts as a pupil
     */
    public boolean pupil(StudentAgeStatus age) {
        return this == STUDENT || this == FORMER_STUDENT && age != StudentAgeStatus.ADULT;
    }
}
