package org.smpolicy.model;

import java.util.List;

/**
 * Someone else's post a member of staff wants to like, comment on, share or tag someone in (12.a.iv).
 *
 * @param ref            an identifier for messages
 * @param breachesPolicy whether the post itself breaches the policy, e.g. a photo published without permission
 * @param breach         what the breach is, in words, when known
 * @param showsStudents  whether the post shows pupils (11.b: sharing it from a personal account shares their
 *                       pictures); when absent it is derived from {@code images}: {@code YES} if one may show a
 *                       pupil, {@code NO} only if every listed image is known to show none, else {@code UNKNOWN}
 * @param images         the post's photos and videos, as a post's images are described: a share or a tag from
 *                       a Federation account publishes them (11.a, 11.c)
 * @param permission     whether the post's author allows the Federation to share it (8.a, 15.a.vi)
 */
public record TargetPost(String ref, Answer breachesPolicy, String breach, Answer showsStudents, List<Image> images,
                         Answer permission) {

    /** Validates and derives {@code showsStudents} from the images. */
    public TargetPost {
        ref = Require.optionalId(ref, "ref");
        breachesPolicy = Require.answer(breachesPolicy);
        breach = Require.text(breach, "breach", 2_000);
        images = Require.list(images, "images");
        permission = Require.answer(permission);
        if (images.stream().anyMatch(i -> i.showsStudents() == Answer.YES)) {
            showsStudents = Answer.YES;
        } else if ((showsStudents == null || showsStudents == Answer.UNKNOWN) && !images.isEmpty()
                && images.stream().allMatch(i -> i.showsStudents() == Answer.NO)) {
            showsStudents = Answer.NO;
        }
        showsStudents = Require.answer(showsStudents);
    }

    /** A post whose images are not described and whose author's permission is not known. */
    public TargetPost(String ref, Answer breachesPolicy, String breach, Answer showsStudents) {
        this(ref, breachesPolicy, breach, showsStudents, List.of(), Answer.UNKNOWN);
    }

    /** A post whose content is not described. */
    public TargetPost(String ref, Answer breachesPolicy, String breach) {
        this(ref, breachesPolicy, breach, Answer.UNKNOWN);
    }

    /**
     * @return a builder of a {@code TargetPost} by field name; a field left unset takes the value
     *         the JSON reader gives a missing field (unknown answers, empty lists, {@code false})
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link TargetPost} field by field; {@link #build()} validates as the constructor does. */
    public static final class Builder {
        private String ref;
        private Answer breachesPolicy;
        private String breach;
        private Answer showsStudents;
        private List<Image> images;
        private Answer permission;

        private Builder() {
        }

        /**
         * @param ref an identifier for messages
         * @return this builder
         */
        public Builder ref(String ref) {
            this.ref = ref;
            return this;
        }

        /**
         * @param breachesPolicy whether the post itself breaches the policy, e.g. a photo published without permission
         * @return this builder
         */
        public Builder breachesPolicy(Answer breachesPolicy) {
            this.breachesPolicy = breachesPolicy;
            return this;
        }

        /**
         * @param breachesPolicy whether the post itself breaches the policy, e.g. a photo published without permission: known to be so, or known not to be
         * @return this builder
         */
        public Builder breachesPolicy(boolean breachesPolicy) {
            this.breachesPolicy = breachesPolicy ? Answer.YES : Answer.NO;
            return this;
        }

        /**
         * @param breach what the breach is, in words, when known
         * @return this builder
         */
        public Builder breach(String breach) {
            this.breach = breach;
            return this;
        }

        /**
         * @param showsStudents whether the post shows pupils (11.b: sharing it from a personal account shares their pictures); when absent it is derived from {@code images}: {@code YES} if one may show a pupil, {@code NO} only if every listed image is known to show none, else {@code UNKNOWN}
         * @return this builder
         */
        public Builder showsStudents(Answer showsStudents) {
            this.showsStudents = showsStudents;
            return this;
        }

        /**
         * @param showsStudents whether the post shows pupils (11.b: sharing it from a personal account shares their pictures); when absent it is derived from {@code images}: {@code YES} if one may show a pupil, {@code NO} only if every listed image is known to show none, else {@code UNKNOWN}: known to be so, or known not to be
         * @return this builder
         */
        public Builder showsStudents(boolean showsStudents) {
            this.showsStudents = showsStudents ? Answer.YES : Answer.NO;
            return this;
        }

        /**
         * @param images the post's photos and videos, as a post's images are described: a share or a tag from a Federation account publishes them (11.a, 11.c)
         * @return this builder
         */
        public Builder images(List<Image> images) {
            this.images = images;
            return this;
        }

        /**
         * @param images the post's photos and videos, as a post's images are described: a share or a tag from a Federation account publishes them (11.a, 11.c)
         * @return this builder
         */
        public Builder images(Image... images) {
            this.images = java.util.Arrays.asList(images);
            return this;
        }

        /**
         * @param permission whether the post's author allows the Federation to share it (8.a, 15.a.vi)
         * @return this builder
         */
        public Builder permission(Answer permission) {
            this.permission = permission;
            return this;
        }

        /**
         * @param permission whether the post's author allows the Federation to share it (8.a, 15.a.vi): known to be so, or known not to be
         * @return this builder
         */
        public Builder permission(boolean permission) {
            this.permission = permission ? Answer.YES : Answer.NO;
            return this;
        }

        /**
         * @return the targetPost
         * @throws org.smpolicy.diagnostic.InvalidRequestException when a required field is missing or a value is impossible
         */
        public TargetPost build() {
            return new TargetPost(ref, breachesPolicy, breach, showsStudents, images, permission);
        }
    }
}
