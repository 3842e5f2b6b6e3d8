package org.smpolicy.model;

/** How a member of staff contacts a member of the Federation community. */
public enum ContactChannel {
    /** An official school email account. */
    OFFICIAL_EMAIL,
    /** A school telephone. */
    SCHOOL_PHONE,
    /** An official school platform or app. */
    OFFICIAL_PLATFORM,
    /** A letter on school paper. */
    LETTER,
    /** A personal email account. */
    PERSONAL_EMAIL,
    /** A personal mobile phone (calls or texts). */
    PERSONAL_MOBILE,
    /** A personal social media account. */
    PERSONAL_SOCIAL_MEDIA
}
