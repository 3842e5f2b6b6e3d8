package org.smpolicy.model;

/** Whether a proposed account is open or closed. */
public enum Visibility {
    /** Anyone may see and join. */
    OPEN,
    /** Private or closed. */
    CLOSED,
    /** The application does not say. */
    NOT_STATED
}
