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
    PUBLIC;

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
