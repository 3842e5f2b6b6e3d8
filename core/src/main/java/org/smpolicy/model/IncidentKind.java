package org.smpolicy.model;

/** What a member of staff reports. */
public enum IncidentKind {
    /** A mistake on a Federation account (15.a.ix). */
    MISTAKE,
    /** An inadvertently taken compromising picture (11.d). */
    COMPROMISING_PICTURE,
    /** Abuse by a colleague through social media (9.d). */
    ABUSE_BY_COLLEAGUE,
    /** Unacceptable conduct (7.e). */
    UNACCEPTABLE_CONDUCT,
    /** Conduct that may be illegal (7.g). */
    ILLEGAL_CONDUCT,
    /** A Federation account hacked, or impersonated by an account that is not the Federation's (4.a.ii.2). */
    ACCOUNT_COMPROMISED,
    /** A personal-data breach: personal data lost, disclosed or published without a lawful basis (8.b; UK GDPR). */
    DATA_BREACH,
    /** Any other incident (4.a.i.4). */
    OTHER
}
