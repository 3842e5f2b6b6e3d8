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
    PUBLIC
}
