package org.smpolicy.model;

/** Who in a school owns an {@link org.smpolicy.decision.Obligation}. */
public enum Role {
    /** The Senior Leadership Team. */
    SLT,
    /** The administrator or moderator of a Federation account. */
    ADMINISTRATOR,
    /** The staff members and volunteers who run the account concerned. */
    ACCOUNT_RUNNERS,
    /** The member of staff the request is about (author, sender, reporter). */
    STAFF_MEMBER
}
