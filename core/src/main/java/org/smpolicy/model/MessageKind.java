package org.smpolicy.model;

/** What arrived on an account. */
public enum MessageKind {
    /** A public comment. */
    COMMENT,
    /** A question. */
    QUERY,
    /** A complaint. */
    COMPLAINT,
    /** A private message. */
    DIRECT_MESSAGE,
    /** A post that mentions or tags the account. */
    MENTION
}
