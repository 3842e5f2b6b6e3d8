package org.smpolicy.rules;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smpolicy.diagnostic.InvalidRequestException;
import org.smpolicy.model.Account;
import org.smpolicy.model.IncomingMessage;
import org.smpolicy.model.MessageKind;
import org.smpolicy.model.PersonRole;

/** A date the working calendar cannot count from is bad input naming its field, not a failure inside a rule. */
class CalendarRangeTest {

    @ParameterizedTest
    @ValueSource(strings = {"1970-01-01T00:00:00Z", "9999-12-31T23:59:59Z"})
    void aMessageReceivedOutsideTheCalendarIsRefusedNamingTheField(String receivedAt) {
        IncomingMessage m = new IncomingMessage("m", Account.federation("fb"), MessageKind.COMMENT, PersonRole.PARENT,
                OffsetDateTime.parse(receivedAt), Set.of());
        assertThatThrownBy(() -> Policies.baseline().respondTo(m)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("$.receivedAt").hasMessageContaining("outside the working calendar, which covers 1971 to 9998");
    }
}
