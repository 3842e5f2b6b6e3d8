package org.smpolicy.model;

/** What is wrong with an incoming message, as a person judged it. */
public enum Concern {
    /** Offensive (9.a-c). */
    OFFENSIVE,
    /** Inappropriate but not offensive (9.c, 12.b.iii, 12.c.iii). */
    INAPPROPRIATE,
    /** Bullying (6). */
    BULLYING,
    /** Defamatory, discriminatory, harassing, or a breach of data protection, confidentiality or copyright (7.e). */
    UNACCEPTABLE_CONDUCT,
    /** Conduct that may be illegal (7.g). */
    ILLEGAL,
    /** Abuse by a colleague (9.d). */
    ABUSE_BY_COLLEAGUE
}
