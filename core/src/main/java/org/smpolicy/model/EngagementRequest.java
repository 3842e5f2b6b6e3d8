package org.smpolicy.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * May this person follow, like, comment on, share, tag or message this person from this account?
 * JSON type {@code engagement}.
 *
 * <p>Acting from a Federation account is the school publishing: besides the rules about engaging,
 * the act is decided as the publish it amounts to ({@link #asPublish()}): what the staff member
 * writes, and for a share or a tag the shared post's images and the author's permission.
 *
 * @param account    the account the staff member would act from; required
 * @param action     what they want to do; required
 * @param target     the person concerned; required
 * @param targetPost the post concerned, for likes, comments, shares and tags
 * @param federationBusiness whether a message is about Federation business (7.i); {@code UNKNOWN} when absent
 * @param actor      who would act; unknown when absent
 * @param content    what the staff member's own comment, message or words added to a share say (text and
 *                   content flags as on a post); absent when they add nothing
 */
public record EngagementRequest(Account account, EngagementAction action, Person target, TargetPost targetPost,
                                Answer federationBusiness, Actor actor, Post content)
        implements PolicyRequest {

    /** JSON type name. */
    public static final String TYPE = "engagement";

    /** Validates. */
    public EngagementRequest {
        Require.present(account, "account");
        Require.present(action, "action");
        Require.present(target, "target");
        federationBusiness = Require.answer(federationBusiness);
        actor = Require.or(actor, Actor.unknown());
    }

    /** An engagement that adds no words of its own. */
    public EngagementRequest(Account account, EngagementAction action, Person target, TargetPost targetPost,
                             Answer federationBusiness, Actor actor) {
        this(account, action, target, targetPost, federationBusiness, actor, null);
    }

    /** An engagement by someone not described, about business not stated. */
    public EngagementRequest(Account account, EngagementAction action, Person target, TargetPost targetPost) {
        this(account, action, target, targetPost, Answer.UNKNOWN, Actor.unknown());
    }

    @Override
    public String type() {
        return TYPE;
    }

    /**
     * "Is a pupil" for the person engaged with, on a day: a current pupil, or a former pupil not
     * known to be an adult on that day (12.b.i), as {@link ContactRequest#toPupil()} says for a contact.
     *
     * @param day the decision date
     * @return whether the target counts as a pupil
     */
    public boolean toPupil(LocalDate day) {
        return target.role().pupil(target.ageStatusOn(day));
    }

    /**
     * The publish this act amounts to. Every act from a Federation account is the school acting on
     * it (the account's SLT approval, 4.a.ii.1, and who may act on it, 5.b and 4.a.iii, count as for
     * a post), and what it puts out is published from that account: the words the staff member
     * adds, and for a share or a tag the post's images (11.a-11.c) and the author's permission to
     * share it (8.a, 15.a.vi). A share or tag whose images are not described, of a post that may
     * show pupils, publishes an image of unknown people. From a personal account, only the staff
     * member's own words are a post (3, 7.b); the pictures are the engagement rules' concern (11.b).
     *
     * <p>An act that adds no words publishes a post with empty text. The act is signed by the account it is made from: a comment, message, share or tag shows
     * which account made it (7.c, 15.a.iii), so the post's author is the account unless the words
     * name one.
     *
     * @return the publish, or empty when the act puts nothing out as a post
     */
    public Optional<PublishRequest> asPublish() {
        if (!account.official() && content == null) {
            return Optional.empty();
        }
        Post post = content == null
                ? new Post(postId(), "", account.id(), false, Answer.UNKNOWN, false, false, Set.of(), Answer.UNKNOWN)
                : content.authorDeclared() ? content
                : new Post(content.id(), content.text(), account.id(), content.namesFederation(), content.affectsFederation(),
                        content.personalViews(), content.disclaimer(), content.flags(), content.seniorLeaderApproved());
        if (!account.official()) {
            return Optional.of(new PublishRequest(account, post, List.of(), List.of(), List.of(), actor));
        }
        List<Image> images = new ArrayList<>();
        List<SharedMaterial> shared = new ArrayList<>();
        if (action == EngagementAction.SHARE || action == EngagementAction.TAG) {
            if (targetPost != null && !targetPost.images().isEmpty()) {
                images.addAll(targetPost.images());
            } else {
                Answer shows = targetPost == null ? Answer.UNKNOWN : targetPost.showsStudents();
                if (action == EngagementAction.TAG && target.role() == PersonRole.STUDENT) {
                    shows = Answer.YES;
                }
                if (shows != Answer.NO) {
                    images.add(new Image(postId(), List.of(), shows, Answer.UNKNOWN, Answer.UNKNOWN, false,
                            action == EngagementAction.TAG, Answer.UNKNOWN));
                }
            }
        }
        if (action == EngagementAction.SHARE) {
            shared.add(new SharedMaterial(targetPost != null && targetPost.ref() != null ? targetPost.ref() : "the shared post",
                    targetPost == null ? Answer.UNKNOWN : targetPost.permission(), true));
        }
        return Optional.of(new PublishRequest(account, post, images, List.of(), shared, actor));
    }

    @Override
    public List<Object> facts() {
        Optional<PublishRequest> publish = asPublish();
        return publish.isPresent() ? List.of(this, publish.get()) : List.of(this);
    }

    private String postId() {
        return targetPost != null && targetPost.ref() != null ? targetPost.ref()
                : action.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * @return a builder of a {@code EngagementRequest} by field name; a field left unset takes the value
     *         the JSON reader gives a missing field (unknown answers, empty lists, {@code false})
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link EngagementRequest} field by field; {@link #build()} validates as the constructor does. */
    public static final class Builder {
        private Account account;
        private EngagementAction action;
        private Person target;
        private TargetPost targetPost;
        private Answer federationBusiness;
        private Actor actor;
        private Post content;

        private Builder() {
        }

        /**
         * @param account the account the staff member would act from; required
         * @return this builder
         */
        public Builder account(Account account) {
            this.account = account;
            return this;
        }

        /**
         * @param action what they want to do; required
         * @return this builder
         */
        public Builder action(EngagementAction action) {
            this.action = action;
            return this;
        }

        /**
         * @param target the person concerned; required
         * @return this builder
         */
        public Builder target(Person target) {
            this.target = target;
            return this;
        }

        /**
         * @param targetPost the post concerned, for likes, comments, shares and tags
         * @return this builder
         */
        public Builder targetPost(TargetPost targetPost) {
            this.targetPost = targetPost;
            return this;
        }

        /**
         * @param federationBusiness whether a message is about Federation business (7.i); {@code UNKNOWN} when absent
         * @return this builder
         */
        public Builder federationBusiness(Answer federationBusiness) {
            this.federationBusiness = federationBusiness;
            return this;
        }

        /**
         * @param federationBusiness whether a message is about Federation business (7.i); {@code UNKNOWN} when absent: known to be so, or known not to be
         * @return this builder
         */
        public Builder federationBusiness(boolean federationBusiness) {
            this.federationBusiness = federationBusiness ? Answer.YES : Answer.NO;
            return this;
        }

        /**
         * @param actor who would act; unknown when absent
         * @return this builder
         */
        public Builder actor(Actor actor) {
            this.actor = actor;
            return this;
        }

        /**
         * @param content what the staff member's own comment, message or words added to a share say (text and content flags as on a post); absent when they add nothing
         * @return this builder
         */
        public Builder content(Post content) {
            this.content = content;
            return this;
        }

        /**
         * @return the engagementRequest
         * @throws org.smpolicy.diagnostic.InvalidRequestException when a required field is missing or a value is impossible
         */
        public EngagementRequest build() {
            return new EngagementRequest(account, action, target, targetPost, federationBusiness, actor, content);
        }
    }
}
