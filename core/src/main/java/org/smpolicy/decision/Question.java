package org.smpolicy.decision;

import java.util.List;
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
 * @param alternatives other unknown facts that, answered as they state in place of this one (the
 *                  other questions answered as stated), settle the decision the same way, e.g. "the
 *                  image shows no pupils" instead of "its people list is complete"; each without
 *                  alternatives of its own; empty when there are none
 */
public record Question(String path, String accessor, String ask, Answer answer, boolean forPerson, List<Question> alternatives) {

    /** Validates. */
    public Question {
        Objects.requireNonNull(path, "path");
        alternatives = List.copyOf(Objects.requireNonNullElse(alternatives, List.of()));
        if (alternatives.stream().anyMatch(a -> !a.alternatives().isEmpty())) {
            throw new IllegalArgumentException("an alternative has no alternatives of its own");
        }
        Objects.requireNonNull(accessor, "accessor");
        Objects.requireNonNull(ask, "ask");
        Objects.requireNonNull(answer, "answer");
        if (answer == Answer.UNKNOWN) {
            throw new IllegalArgumentException("a question's answer is YES or NO");
        }
    }

    /** A question with no alternatives. */
    public Question(String path, String accessor, String ask, Answer answer, boolean forPerson) {
        this(path, accessor, ask, answer, forPerson, List.of());
    }

    /**
     * @param others the alternatives
     * @return this question with those alternatives
     */
    public Question withAlternatives(List<Question> others) {
        return new Question(path, accessor, ask, answer, forPerson, others);
    }
}
