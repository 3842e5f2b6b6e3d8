package org.smpolicy.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClauseIdsTest {

    @Test
    void metadataSplitsOnCommasButKeepsLetterContinuations() {
        assertThat(ClauseIds.parse("3.a, 12.a.i,4.a.iii.4")).containsExactly("3.a", "12.a.i", "4.a.iii.4");
        assertThat(ClauseIds.parse("14.a, c-j")).containsExactly("14.a, c-j");
        assertThat(ClauseIds.parse(" ")).isEmpty();
        assertThat(ClauseIds.parse(null)).isEmpty();
    }

    @Test
    void clausesSortInDocumentOrder() {
        List<String> ids = new ArrayList<>(List.of("12.b.ix", "11.b", "12.b.iv", "4.a.ii.4", "6", "14.i", "14.h", "12.b.v", "2.a"));
        ids.sort(ClauseIds.COMPARATOR);
        assertThat(ids).containsExactly("2.a", "4.a.ii.4", "6", "11.b", "12.b.iv", "12.b.v", "12.b.ix", "14.h", "14.i");
    }
}
