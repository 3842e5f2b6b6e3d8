package org.smpolicy.model;

/** What a member of staff wants to do with another person or their post. */
public enum EngagementAction {
    /** Follow the person. */
    FOLLOW,
    /** Send a friend or connection request. */
    FRIEND_REQUEST,
    /** Accept the person's follow, friend or connection request. */
    ACCEPT_REQUEST,
    /** Like a post. */
    LIKE,
    /** Comment on a post. */
    COMMENT,
    /** Share a post. */
    SHARE,
    /** Send a private message. */
    MESSAGE,
    /** Tag the person. */
    TAG;

    /**
     * The act in words, ready to be followed by the person it is done to: "follow", "comment on
     * the posts of", "accept a friend or follow request from".
     *
     * @return the phrase
     */
    public String phrase() {
        return switch (this) {
            case FOLLOW -> "follow";
            case FRIEND_REQUEST -> "send a friend request to";
            case ACCEPT_REQUEST -> "accept a friend or follow request from";
            case LIKE -> "like the posts of";
            case COMMENT -> "comment on the posts of";
            case SHARE -> "share the posts of";
            case MESSAGE -> "message";
            case TAG -> "tag";
        };
    }
}
