package org.smpolicy.rules.responses;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.smpolicy.decision.Decision;
import org.smpolicy.decision.Obligation;
import org.smpolicy.model.Account;
import org.smpolicy.model.IncomingMessage;
import org.smpolicy.model.MessageKind;
import org.smpolicy.model.PersonRole;
import org.smpolicy.model.Role;
import org.smpolicy.rules.Policies;

class MonitoringTest {

    static Decision receive(Account account, MessageKind kind, String at) {
        return Policies.baseline().respondTo(new IncomingMessage("m-1", account, kind, PersonRole.PARENT,
                OffsetDateTime.parse(at), Set.of()));
    }

    static Obligation respond(Decision d) {
        return d.obligations().stream().filter(o -> o.rule().equals("responses.respond-within-window")).findFirst().orElseThrow();
    }

    @Test
    void commentOnSaturdayIsDueByTheEndOfMonday() {
        Obligation o = respond(receive(Account.federation("fb"), MessageKind.COMMENT, "2026-11-28T10:00:00Z"));
        assertThat(o.clause()).isEqualTo("6");
        assertThat(o.owner()).isEqualTo(Role.ACCOUNT_RUNNERS);
        assertThat(o.action()).isEqualTo("RESPOND");
        assertThat(o.due()).isEqualTo(Instant.parse("2026-11-30T17:00:00Z"));
    }

    @Test
    void queryOnAWeekdayIsDue24HoursLater() {
        Obligation o = respond(receive(Account.federation("fb"), MessageKind.QUERY, "2026-11-24T09:15:00Z"));
        assertThat(o.due()).isEqualTo(Instant.parse("2026-11-25T09:15:00Z"));
    }

    @Test
    void complaintOnFridayMorningIsDueByTheEndOfMonday() {
        Obligation o = respond(receive(Account.federation("fb"), MessageKind.COMPLAINT, "2026-11-27T10:00:00Z"));
        assertThat(o.due()).isEqualTo(Instant.parse("2026-11-30T17:00:00Z"));
    }

    @Test
    void nothingIsOwedForAMessageOnAPersonalAccount() {
        Decision d = receive(Account.personal("own"), MessageKind.COMMENT, "2026-11-28T10:00:00Z");
        assertThat(d.obligations()).noneMatch(o -> o.clause().equals("6"));
    }
}
