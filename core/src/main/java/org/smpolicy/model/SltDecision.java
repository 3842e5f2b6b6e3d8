package org.smpolicy.model;

/** The Senior Leadership Team's decision on an account application. */
public enum SltDecision {
    /** Not decided yet. */
    PENDING,
    /** Approved. */
    APPROVED,
    /** Rejected. */
    REJECTED
}
