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
 */
public record PublishRequest(Account account, Post post, List<Image> images, List<Link> links,
                             List<SharedMaterial> shared) implements PolicyRequest {

    /** JSON type name. */
    public static final String TYPE = "publish";

    /** Validates. */
    public PublishRequest {
        Require.present(account, "account");
        Require.present(post, "post");
        images = Require.list(images, "images");
        links = Require.list(links, "links");
        shared = Require.list(shared, "shared");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
