package org.smpolicy.decision;

import java.util.Objects;
import org.smpolicy.model.Answer;

/**
 * A fact the request left unknown whose answer would settle the decision.
 *
 * @param path      the fact's JSON path in the request, e.g. {@code $.images[0].peopleComplete}
 * @param accessor  the same fact in Java, e.g. {@code images().get(0).peopleComplete()}
 * @param ask       the question in words
 * @param answer    the answer that leads to the most permissive outcome the policy allows; at a
 *                  {@code consent} path yes is consent granted for the account's channel and no is
 *                  consent refused, at an {@code ageStatus} path yes is adult and no under 18
 * @param forPerson whether only a person can answer it (looking at a photo, judging a post): a
 *                  host cannot know it from its records
 */
public record Question(String path, String accessor, String ask, Answer answer, boolean forPerson) {

    /** Validates. */
    public Question {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(accessor, "accessor");
        Objects.requireNonNull(ask, "ask");
        Objects.requireNonNull(answer, "answer");
        if (answer == Answer.UNKNOWN) {
            throw new IllegalArgumentException("a question's answer is YES or NO");
        }
    }
}
