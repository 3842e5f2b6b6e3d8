package org.smpolicy.model;

/** Who owns a social media account. */
public enum AccountType {
    /** An account owned by the Federation or one of its schools. */
    FEDERATION,
    /** A member of staff's own account. */
    PERSONAL
}
