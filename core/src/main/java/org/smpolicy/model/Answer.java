package org.smpolicy.model;

/** A fact that may not be known yet. {@code UNKNOWN} is never read as permission where a child is protected. */
public enum Answer {
    /** Known to be true. */
    YES,
    /** Known to be false. */
    NO,
    /** Not known, or not given. */
    UNKNOWN
}
