package org.smpolicy.model;

/** A consent record's state. */
public enum ConsentStatus {
    /** Consent was given. */
    GRANTED,
    /** Consent was refused or withdrawn. */
    REFUSED,
    /** No consent is on record. */
    UNKNOWN
}
