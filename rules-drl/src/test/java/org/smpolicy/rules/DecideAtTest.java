package org.smpolicy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.smpolicy.SocialMediaPolicy;
import org.smpolicy.decision.Outcome;
import org.smpolicy.model.Account;
import org.smpolicy.model.EngagementAction;
import org.smpolicy.model.EngagementRequest;
import org.smpolicy.model.Person;
import org.smpolicy.model.PersonRole;
import org.smpolicy.model.StudentAgeStatus;

/** One policy decides at any instant given per call; its own clock is not read. */
class DecideAtTest {

    @Test
    void theSamePolicyDecidesAFormerPupilsFollowBeforeAndAfterTheirEighteenthBirthday() {
        SocialMediaPolicy policy = Policies.baseline();   // its clock is fixed at 2026-11-25
        EngagementRequest follow = new EngagementRequest(Account.personal("staff-1"), EngagementAction.FOLLOW,
                new Person("former-1", PersonRole.FORMER_STUDENT, StudentAgeStatus.UNKNOWN, LocalDate.of(2008, 12, 10)), null);
        assertThat(policy.decide(follow, Instant.parse("2026-12-09T23:59:59Z")).outcome()).isEqualTo(Outcome.DENY);
        assertThat(policy.decide(follow, Instant.parse("2026-12-10T00:00:00Z")).outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(policy.decide(follow).outcome()).isEqualTo(Outcome.DENY);
    }
}
