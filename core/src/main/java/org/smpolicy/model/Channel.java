package org.smpolicy.model;

/** Where material is published; consent is recorded per channel. */
public enum Channel {
    /** Social media accounts. */
    SOCIAL_MEDIA,
    /** The school website. */
    WEBSITE,
    /** Newspapers and other press. */
    PRESS,
    /** Newsletters and printed material. */
    NEWSLETTER
}
