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

    /**
     * @return a builder of a {@code Post} by field name; a field left unset takes the value
     *         the JSON reader gives a missing field (unknown answers, empty lists, {@code false})
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link Post} field by field; {@link #build()} validates as the constructor does. */
    public static final class Builder {
        private String id;
        private String text;
        private String author;
        private boolean namesFederation;
        private Answer affectsFederation;
        private boolean personalViews;
        private boolean disclaimer;
        private Set<ContentFlag> flags;
        private Answer seniorLeaderApproved;

        private Builder() {
        }

        /**
         * @param id an identifier for messages; required
         * @return this builder
         */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /**
         * @param text the text (optional; rules read flags, not text)
         * @return this builder
         */
        public Builder text(String text) {
            this.text = text;
            return this;
        }

        /**
         * @param author who is posting, as shown on the post; absent or blank means anonymous (7.c)
         * @return this builder
         */
        public Builder author(String author) {
            this.author = author;
            return this;
        }

        /**
         * @param namesFederation whether it names a school of the Federation (3)
         * @return this builder
         */
        public Builder namesFederation(boolean namesFederation) {
            this.namesFederation = namesFederation;
            return this;
        }

        /**
         * @param affectsFederation whether it could impact the Federation's standards or reputation (3, 3.b)
         * @return this builder
         */
        public Builder affectsFederation(Answer affectsFederation) {
            this.affectsFederation = affectsFederation;
            return this;
        }

        /**
         * @param affectsFederation whether it could impact the Federation's standards or reputation (3, 3.b): known to be so, or known not to be
         * @return this builder
         */
        public Builder affectsFederation(boolean affectsFederation) {
            this.affectsFederation = affectsFederation ? Answer.YES : Answer.NO;
            return this;
        }

        /**
         * @param personalViews whether it expresses the author's personal views (15.a.ii)
         * @return this builder
         */
        public Builder personalViews(boolean personalViews) {
            this.personalViews = personalViews;
            return this;
        }

        /**
         * @param disclaimer whether it carries a disclaimer that the views are personal
         * @return this builder
         */
        public Builder disclaimer(boolean disclaimer) {
            this.disclaimer = disclaimer;
            return this;
        }

        /**
         * @param flags what a person or classifier found in it
         * @return this builder
         */
        public Builder flags(Set<ContentFlag> flags) {
            this.flags = flags;
            return this;
        }

        /**
         * @param flags what a person or classifier found in it
         * @return this builder
         */
        public Builder flags(ContentFlag... flags) {
            this.flags = new java.util.LinkedHashSet<>(java.util.Arrays.asList(flags));
            return this;
        }

        /**
         * @param seniorLeaderApproved whether a senior leader approved it (15.a.i)
         * @return this builder
         */
        public Builder seniorLeaderApproved(Answer seniorLeaderApproved) {
            this.seniorLeaderApproved = seniorLeaderApproved;
            return this;
        }

        /**
         * @param seniorLeaderApproved whether a senior leader approved it (15.a.i): known to be so, or known not to be
         * @return this builder
         */
        public Builder seniorLeaderApproved(boolean seniorLeaderApproved) {
            this.seniorLeaderApproved = seniorLeaderApproved ? Answer.YES : Answer.NO;
            return this;
        }

        /**
         * @return the post
         * @throws org.smpolicy.diagnostic.InvalidRequestException when a required field is missing or a value is impossible
         */
        public Post build() {
            return new Post(id, text, author, namesFederation, affectsFederation, personalViews, disclaimer, flags, seniorLeaderApproved);
        }
    }
}
