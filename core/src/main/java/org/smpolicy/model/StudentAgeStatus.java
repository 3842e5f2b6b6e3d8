package org.smpolicy.model;

/** Whether a student is under 18, without passing a birth date. {@code UNKNOWN} counts as under 18. */
public enum StudentAgeStatus {
    /** Under 18 on the decision date. */
    UNDER_18,
    /** 18 or over on the decision date. */
    ADULT,
    /** Not known; treated as under 18. */
    UNKNOWN
}
