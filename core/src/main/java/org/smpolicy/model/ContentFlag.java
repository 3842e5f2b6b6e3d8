package org.smpolicy.model;

/** What a person or a classifier found in a post's text or material. */
public enum ContentFlag {
    /** Confidential material (15.b.ii, 7.b, 8.b). */
    CONFIDENTIAL,
    /** Commercially sensitive material (15.b.ii). */
    COMMERCIALLY_SENSITIVE,
    /** Airs an internal grievance (15.b.vi). */
    INTERNAL_GRIEVANCE,
    /** Derogatory content (15.b.v). */
    DEROGATORY,
    /** Defamatory content (15.b.v). */
    DEFAMATORY,
    /** Offensive content (15.b.v). */
    OFFENSIVE,
    /** Harassing content (15.b.v). */
    HARASSING,
    /** Discriminatory content (15.b.v). */
    DISCRIMINATORY,
    /** Would bring the Federation into disrepute (15.b.i). */
    DISREPUTE,
    /** May have controversial implications for the Federation (15.a.i). */
    CONTROVERSIAL,
    /** Discloses personal data without a lawful basis (8.b, 15.b.iii). */
    DATA_PROTECTION_BREACH,
    /** Uses material in breach of copyright (8.a, 15.b.iii). */
    COPYRIGHT_BREACH,
    /** Breaches other legislation (15.b.iii). */
    ILLEGAL,
    /** Uses a school account for personal gain (7.b). */
    PERSONAL_GAIN,
    /** Infringes the rights or privacy of others (7.b). */
    PRIVACY_INFRINGEMENT,
    /** Ill-considered comments or judgements about staff (7.b). */
    ILL_CONSIDERED_ABOUT_STAFF,
    /** Not appropriate for any audience of the account (15.b.iv). */
    INAPPROPRIATE_FOR_AUDIENCE
}
