package org.smpolicy.rules;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.smpolicy.diagnostic.InvalidRequestException;
import org.smpolicy.model.Account;
import org.smpolicy.model.Answer;
import org.smpolicy.model.Image;
import org.smpolicy.model.Post;
import org.smpolicy.model.PublishRequest;

/** Lists in a request are bounded, so that no rule can be made to join over thousands of entries. */
class ListLimitTest {

    @Test
    void aPostWithMoreThan200ImagesIsBadInputNamingTheField() {
        Image img = new Image("img", List.of(), Answer.NO, Answer.YES, Answer.NO, false, false, Answer.YES);
        Post post = new Post("p", "t", "a", false, Answer.NO, false, false, Set.of(), Answer.UNKNOWN);
        assertThatThrownBy(() -> new PublishRequest(Account.federation("fb"), post, Collections.nCopies(201, img), List.of(), List.of()))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("$.images").hasMessageContaining("at most 200 entries");
    }
}
