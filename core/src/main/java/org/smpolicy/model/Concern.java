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
    ABUSE_BY_COLLEAGUE,
    /** Discloses harm, or a risk of harm, to a pupil: a safeguarding matter (4.a.i.3-4). */
    DISCLOSES_HARM,
    /** Discloses someone's confidential or personal data, e.g. a parent posting another child's details (8.b, 7.e). */
    PERSONAL_DATA;

    /**
     * @return whether a message with this concern is unacceptable conduct (7.e: "defamatory,
     *         discriminatory, offensive, harassing content or a breach of data protection,
     *         confidentiality, copyright"), illegal conduct included
     */
    public boolean unacceptable() {
        return this == UNACCEPTABLE_CONDUCT || this == ILLEGAL || this == PERSONAL_DATA;
    }

    /**
     * The concerns that make a comment "offensive or inappropriate" (12.b.iii, 12.c.iii) and
     * "inappropriate behaviour" (6): what is illegal or unacceptable is at least inappropriate.
     *
     * @return whether a message with this concern is inappropriate
     */
    public boolean inappropriate() {
        return this == OFFENSIVE || this == INAPPROPRIATE || this == BULLYING || unacceptable();
    }
}
