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
        return showsStudents != Answer.NO && peopleComplete != Answer.YES
                && (showsStudents == Answer.YES || people.stream().anyMatch(DepictedPerson::mayBePupil));
    }
}
