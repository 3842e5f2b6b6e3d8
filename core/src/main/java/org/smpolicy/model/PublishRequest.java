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
}
