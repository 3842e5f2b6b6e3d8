package org.smpolicy.model;

/** What a member of staff wants to do with another person or their post. */
public enum EngagementAction {
    /** Follow the person. */
    FOLLOW,
    /** Send or accept a friend or connection request. */
    FRIEND_REQUEST,
    /** Like a post. */
    LIKE,
    /** Comment on a post. */
    COMMENT,
    /** Share a post. */
    SHARE,
    /** Send a private message. */
    MESSAGE,
    /** Tag the person. */
    TAG
}
