package org.smpolicy.model;

import java.util.Set;

/**
 * The text of a post and what is known about it.
 *
 * @param id                   an identifier for messages; required
 * @param text                 the text (optional; rules read flags, not text)
 * @param author               who is posting, as shown on the post; absent or blank means anonymous (7.c)
 * @param namesFederation      whether it names a school of the Federation (3)
 * @param affectsFederation    whether it could impact the Federation's standards or reputation (3, 3.b)
 * @param personalViews        whether it expresses the author's personal views (15.a.ii)
 * @param disclaimer           whether it carries a disclaimer that the views are personal
 * @param flags                what a person or classifier found in it
 * @param seniorLeaderApproved whether a senior leader approved it (15.a.i)
 */
public record Post(String id, String text, String author, boolean namesFederation, Answer affectsFederation,
                   boolean personalViews, boolean disclaimer, Set<ContentFlag> flags, Answer seniorLeaderApproved) {

    /** Validates. */
    public Post {
        id = Require.id(id, "id");
        text = Require.text(text, "text");
        author = Require.text(author, "author", Require.MAX_ID);
        affectsFederation = Require.answer(affectsFederation);
        flags = Require.enums(flags, ContentFlag.class, "flags");
        seniorLeaderApproved = Require.answer(seniorLeaderApproved);
    }

    /** @return whether the post says who is posting */
    public boolean authorDeclared() {
        return author != null && !author.isBlank();
    }

    /**
     * @param flag a flag
     * @return whether the post carries it
     */
    public boolean has(ContentFlag flag) {
        return flags.contains(flag);
    }
}
