package org.smpolicy.model;

/**
 * Someone else's material shared in a post (8.a, 15.a.vi).
 *
 * @param source       where it comes from (URL or description); required
 * @param permission   whether the copyright holder gave permission to share it
 * @param acknowledged whether the post acknowledges the author
 */
public record SharedMaterial(String source, Answer permission, boolean acknowledged) {

    /** Validates. */
    public SharedMaterial {
        source = Require.id(source, "source");
        Require.text(source, "source", 2_000);
        permission = Require.answer(permission);
    }
}
