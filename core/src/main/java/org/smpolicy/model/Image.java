package org.smpolicy.model;

import java.util.List;

/**
 * A photo or video in a post.
 *
 * @param id                  an identifier for messages; required
 * @param people              who can be seen, as far as is known
 * @param showsStudents       whether students can be seen; when absent it is {@code YES} if {@code people}
 *                            lists a student, {@code NO} if it lists people and none is a student, else {@code UNKNOWN}
 * @param appropriatelyDressed a person's judgement that everyone is appropriately dressed (11.c)
 * @param subjectToRidicule   a person's judgement that someone is subject to ridicule (11.c)
 * @param compromising        whether it is an inadvertent compromising picture (11.d)
 * @param taggingEnabled      whether tagging people is switched on for it (15.a.x)
 */
public record Image(String id, List<DepictedPerson> people, Answer showsStudents, Answer appropriatelyDressed,
                    Answer subjectToRidicule, boolean compromising, boolean taggingEnabled) {

    /** Validates and derives {@code showsStudents}. */
    public Image {
        id = Require.id(id, "id");
        people = Require.list(people, "people");
        boolean listsStudent = people.stream().anyMatch(DepictedPerson::student);
        if (listsStudent) {
            showsStudents = Answer.YES;
        } else if (showsStudents == null || showsStudents == Answer.UNKNOWN) {
            showsStudents = people.isEmpty() ? Answer.UNKNOWN : Answer.NO;
        }
        appropriatelyDressed = Require.answer(appropriatelyDressed);
        subjectToRidicule = Require.answer(subjectToRidicule);
    }
}
