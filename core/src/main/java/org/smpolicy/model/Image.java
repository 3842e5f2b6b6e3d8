package org.smpolicy.model;

import java.util.List;

/**
 * A photo or video in a post.
 *
 * @param id                  an identifier for messages; required
 * @param people              who can be seen, as far as is known
 * @param showsStudents       whether pupils can be seen; when absent it is {@code YES} if {@code people}
 *                            lists someone who may be a pupil, {@code NO} only if the list is complete and lists
 *                            no pupil, else {@code UNKNOWN}: a list that may be partial never proves there is none
 * @param appropriatelyDressed a person's judgement that everyone is appropriately dressed (11.c)
 * @param subjectToRidicule   a person's judgement that someone is subject to ridicule (11.c)
 * @param compromising        whether it is an inadvertent compromising picture (11.d)
 * @param taggingEnabled      whether tagging people is switched on for it (15.a.x)
 * @param peopleComplete      whether {@code people} lists everyone who can be seen; {@code UNKNOWN} when absent
 */
public record Image(String id, List<DepictedPerson> people, Answer showsStudents, Answer appropriatelyDressed,
                    Answer subjectToRidicule, boolean compromising, boolean taggingEnabled, Answer peopleComplete) {

    /** Validates and derives {@code showsStudents}. */
    public Image {
        id = Require.id(id, "id");
        people = Require.list(people, "people");
        peopleComplete = Require.answer(peopleComplete);
        boolean listsPupil = people.stream().anyMatch(DepictedPerson::mayBePupil);
        if (showsStudents == Answer.YES && !listsPupil && peopleComplete == Answer.YES) {
            // Pupils are in the picture and none is listed: the list cannot be complete.
            peopleComplete = Answer.NO;
        }
        if (listsPupil) {
            showsStudents = Answer.YES;
        } else if (showsStudents == null || showsStudents == Answer.UNKNOWN) {
            showsStudents = peopleComplete == Answer.YES ? Answer.NO : Answer.UNKNOWN;
        }
        appropriatelyDressed = Require.answer(appropriatelyDressed);
        subjectToRidicule = Require.answer(subjectToRidicule);
    }

    /** An image whose people list may be partial ({@code peopleComplete} unknown). */
    public Image(String id, List<DepictedPerson> people, Answer showsStudents, Answer appropriatelyDressed,
                 Answer subjectToRidicule, boolean compromising, boolean taggingEnabled) {
        this(id, people, showsStudents, appropriatelyDressed, subjectToRidicule, compromising, taggingEnabled, Answer.UNKNOWN);
    }

    /**
     * @return whether pupils may be in the picture that nobody listed, so that their consent and
     *         the no-publish list cannot be checked (11.a, 11.c)
     */
    public boolean mayShowUnlistedPupils() {
        // Whether or not anyone is listed: a list not known to be complete is partial, and an
        // image not known to show no pupil may show one nobody listed.
        return showsStudents != Answer.NO && peopleComplete != Answer.YES;
    }

    /**
     * @return a builder of a {@code Image} by field name; a field left unset takes the value
     *         the JSON reader gives a missing field (unknown answers, empty lists, {@code false})
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link Image} field by field; {@link #build()} validates as the constructor does. */
    public static final class Builder {
        private String id;
        private List<DepictedPerson> people;
        private Answer showsStudents;
        private Answer appropriatelyDressed;
        private Answer subjectToRidicule;
        private boolean compromising;
        private boolean taggingEnabled;
        private Answer peopleComplete;

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
         * @param people who can be seen, as far as is known
         * @return this builder
         */
        public Builder people(List<DepictedPerson> people) {
            this.people = people;
            return this;
        }

        /**
         * @param people who can be seen, as far as is known
         * @return this builder
         */
        public Builder people(DepictedPerson... people) {
            this.people = java.util.Arrays.asList(people);
            return this;
        }

        /**
         * @param showsStudents whether pupils can be seen; when absent it is {@code YES} if {@code people} lists someone who may be a pupil, {@code NO} only if the list is complete and lists no pupil, else {@code UNKNOWN}: a list that may be partial never proves there is none
         * @return this builder
         */
        public Builder showsStudents(Answer showsStudents) {
            this.showsStudents = showsStudents;
            return this;
        }

        /**
         * @param showsStudents whether pupils can be seen; when absent it is {@code YES} if {@code people} lists someone who may be a pupil, {@code NO} only if the list is complete and lists no pupil, else {@code UNKNOWN}: a list that may be partial never proves there is none: known to be so, or known not to be
         * @return this builder
         */
        public Builder showsStudents(boolean showsStudents) {
            this.showsStudents = showsStudents ? Answer.YES : Answer.NO;
            return this;
        }

        /**
         * @param appropriatelyDressed a person's judgement that everyone is appropriately dressed (11.c)
         * @return this builder
         */
        public Builder appropriatelyDressed(Answer appropriatelyDressed) {
            this.appropriatelyDressed = appropriatelyDressed;
            return this;
        }

        /**
         * @param appropriatelyDressed a person's judgement that everyone is appropriately dressed (11.c): known to be so, or known not to be
         * @return this builder
         */
        public Builder appropriatelyDressed(boolean appropriatelyDressed) {
            this.appropriatelyDressed = appropriatelyDressed ? Answer.YES : Answer.NO;
            return this;
        }

        /**
         * @param subjectToRidicule a person's judgement that someone is subject to ridicule (11.c)
         * @return this builder
         */
        public Builder subjectToRidicule(Answer subjectToRidicule) {
            this.subjectToRidicule = subjectToRidicule;
            return this;
        }

        /**
         * @param subjectToRidicule a person's judgement that someone is subject to ridicule (11.c): known to be so, or known not to be
         * @return this builder
         */
        public Builder subjectToRidicule(boolean subjectToRidicule) {
            this.subjectToRidicule = subjectToRidicule ? Answer.YES : Answer.NO;
            return this;
        }

        /**
         * @param compromising whether it is an inadvertent compromising picture (11.d)
         * @return this builder
         */
        public Builder compromising(boolean compromising) {
            this.compromising = compromising;
            return this;
        }

        /**
         * @param taggingEnabled whether tagging people is switched on for it (15.a.x)
         * @return this builder
         */
        public Builder taggingEnabled(boolean taggingEnabled) {
            this.taggingEnabled = taggingEnabled;
            return this;
        }

        /**
         * @param peopleComplete whether {@code people} lists everyone who can be seen; {@code UNKNOWN} when absent
         * @return this builder
         */
        public Builder peopleComplete(Answer peopleComplete) {
            this.peopleComplete = peopleComplete;
            return this;
        }

        /**
         * @param peopleComplete whether {@code people} lists everyone who can be seen; {@code UNKNOWN} when absent: known to be so, or known not to be
         * @return this builder
         */
        public Builder peopleComplete(boolean peopleComplete) {
            this.peopleComplete = peopleComplete ? Answer.YES : Answer.NO;
            return this;
        }

        /**
         * @return the image
         * @throws org.smpolicy.diagnostic.InvalidRequestException when a required field is missing or a value is impossible
         */
        public Image build() {
            return new Image(id, people, showsStudents, appropriatelyDressed, subjectToRidicule, compromising, taggingEnabled, peopleComplete);
        }
    }
}
