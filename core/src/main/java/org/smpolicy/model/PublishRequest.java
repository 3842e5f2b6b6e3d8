package org.smpolicy.model;

import java.util.List;

/**
 * May this post go out on this account? JSON type {@code publish}.
 *
 * @param account  the account it would be posted from; required
 * @param post     the post; required
 * @param images   photos and videos in it
 * @param links    links to external sites in it
 * @param shared   other people's material it shares
 * @param actor    who would post it; unknown when absent
 */
public record PublishRequest(Account account, Post post, List<Image> images, List<Link> links,
                             List<SharedMaterial> shared, Actor actor) implements PolicyRequest {

    /** JSON type name. */
    public static final String TYPE = "publish";

    /** Validates. */
    public PublishRequest {
        Require.present(account, "account");
        Require.present(post, "post");
        images = Require.list(images, "images");
        links = Require.list(links, "links");
        shared = Require.list(shared, "shared");
        actor = Require.or(actor, Actor.unknown());
    }

    /** A post by someone not described. */
    public PublishRequest(Account account, Post post, List<Image> images, List<Link> links, List<SharedMaterial> shared) {
        this(account, post, images, links, shared, Actor.unknown());
    }

    @Override
    public String type() {
        return TYPE;
    }

    /**
     * 3.b / 12.a.ii: a personal communication that neither refers to nor impacts the Federation is
     * outside the policy. It must be known not to: unknown impact, any content flag, any image that
     * may show a pupil (11.b applies everywhere) and a compromising picture (3: likely to affect
     * professional standards) keep it in scope.
     *
     * @return whether the post is known to be outside the policy's scope
     */
    public boolean outOfScope() {
        return !account.official() && !account.namesFederation() && !account.federationBranding()
                && !post.namesFederation() && post.affectsFederation() == Answer.NO && post.flags().isEmpty()
                && images.stream().allMatch(i -> i.showsStudents() == Answer.NO && !i.compromising());
    }

    /**
     * 3.a: the post associates with the Federation: the account or the post names a school, or the
     * post is known to affect the Federation.
     *
     * @return whether the association is known
     */
    public boolean associatesWithFederation() {
        return account.namesFederation() || post.namesFederation() || post.affectsFederation() == Answer.YES;
    }

    /**
     * 7.c, 15.a.iii: the post is the Federation's business: it goes out on a Federation account, or
     * the post itself names the Federation or is known to affect it.
     *
     * @return whether the post is about the Federation
     */
    public boolean aboutTheFederation() {
        return account.official() || post.namesFederation() || post.affectsFederation() == Answer.YES;
    }

    /** @return whether the post associates with the Federation or may (its impact is not known to be none) */
    public boolean mayAssociateWithFederation() {
        return account.namesFederation() || post.namesFederation() || post.affectsFederation() != Answer.NO;
    }

    /**
     * @return a builder of a {@code PublishRequest} by field name; a field left unset takes the value
     *         the JSON reader gives a missing field (unknown answers, empty lists, {@code false})
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link PublishRequest} field by field; {@link #build()} validates as the constructor does. */
    public static final class Builder {
        private Account account;
        private Post post;
        private List<Image> images;
        private List<Link> links;
        private List<SharedMaterial> shared;
        private Actor actor;

        private Builder() {
        }

        /**
         * @param account the account it would be posted from; required
         * @return this builder
         */
        public Builder account(Account account) {
            this.account = account;
            return this;
        }

        /**
         * @param post the post; required
         * @return this builder
         */
        public Builder post(Post post) {
            this.post = post;
            return this;
        }

        /**
         * @param images photos and videos in it
         * @return this builder
         */
        public Builder images(List<Image> images) {
            this.images = images;
            return this;
        }

        /**
         * @param images photos and videos in it
         * @return this builder
         */
        public Builder images(Image... images) {
            this.images = java.util.Arrays.asList(images);
            return this;
        }

        /**
         * @param links links to external sites in it
         * @return this builder
         */
        public Builder links(List<Link> links) {
            this.links = links;
            return this;
        }

        /**
         * @param links links to external sites in it
         * @return this builder
         */
        public Builder links(Link... links) {
            this.links = java.util.Arrays.asList(links);
            return this;
        }

        /**
         * @param shared other people's material it shares
         * @return this builder
         */
        public Builder shared(List<SharedMaterial> shared) {
            this.shared = shared;
            return this;
        }

        /**
         * @param shared other people's material it shares
         * @return this builder
         */
        public Builder shared(SharedMaterial... shared) {
            this.shared = java.util.Arrays.asList(shared);
            return this;
        }

        /**
         * @param actor who would post it; unknown when absent
         * @return this builder
         */
        public Builder actor(Actor actor) {
            this.actor = actor;
            return this;
        }

        /**
         * @return the publishRequest
         * @throws org.smpolicy.diagnostic.InvalidRequestException when a required field is missing or a value is impossible
         */
        public PublishRequest build() {
            return new PublishRequest(account, post, images, links, shared, actor);
        }
    }
}
