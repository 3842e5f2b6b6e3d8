package org.smpolicy.rules.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.smpolicy.SocialMediaPolicy;
import org.smpolicy.decision.Decision;
import org.smpolicy.decision.Outcome;
import org.smpolicy.model.Account;
import org.smpolicy.model.EngagementAction;
import org.smpolicy.model.EngagementRequest;
import org.smpolicy.model.Person;
import org.smpolicy.model.PersonRole;
import org.smpolicy.model.StudentAgeStatus;
import org.smpolicy.rules.Policies;

class StudentsTest {

    static final String RULE = "engagement.personal-account-student-under-18";

    static Decision follow(SocialMediaPolicy policy, Account account, Person target) {
        return policy.checkEngagement(new EngagementRequest(account, EngagementAction.FOLLOW, target, null));
    }

    static Decision follow(Account account, Person target) {
        return follow(Policies.baseline(), account, target);
    }

    @Test
    void personalAccountFollowOfFifteenYearOldPupilIsDenied() {
        Decision d = follow(Account.personal("acc"), new Person("p", PersonRole.STUDENT, null, LocalDate.of(2011, 3, 14)));
        assertThat(d.outcome()).isEqualTo(Outcome.DENY);
        assertThat(d.finding(RULE)).hasValueSatisfying(f -> assertThat(f.clauses()).contains("12.b.i"));
    }

    @Test
    void unknownAgeCountsAsUnder18() {
        Decision d = follow(Account.personal("acc"), new Person("p", PersonRole.FORMER_STUDENT, StudentAgeStatus.UNKNOWN, null));
        assertThat(d.outcome()).isEqualTo(Outcome.DENY);
        assertThat(d.finding(RULE)).hasValueSatisfying(f -> assertThat(f.message()).contains("not known"));
    }

    @Test
    void formerStudentWhoIsAnAdultIsNotDeniedUnder12bi() {
        Decision d = follow(Account.personal("acc"), new Person("p", PersonRole.FORMER_STUDENT, StudentAgeStatus.ADULT, null));
        assertThat(d.cites("12.b.i")).isFalse();
    }

    @Test
    void followFromFederationAccountIsNotDeniedUnder12bi() {
        Decision d = follow(Account.federation("acc"), new Person("p", PersonRole.STUDENT, StudentAgeStatus.UNDER_18, null));
        assertThat(d.cites("12.b.i")).isFalse();
    }

    @Test
    void eighteenthBirthdayOnTheDecisionDateIsAdult() {
        // NOW is 2026-11-25: born 2008-11-25 turns 18 today; born 2008-11-26 turns 18 tomorrow.
        assertThat(follow(Account.personal("a"), new Person("p", PersonRole.FORMER_STUDENT, null, LocalDate.of(2008, 11, 25)))
                .cites("12.b.i")).isFalse();
        assertThat(follow(Account.personal("a"), new Person("p", PersonRole.FORMER_STUDENT, null, LocalDate.of(2008, 11, 26)))
                .outcome()).isEqualTo(Outcome.DENY);
    }

    @Test
    void leapDayBirthTurns18OnFirstMarchInACommonYear() {
        Person leap = new Person("p", PersonRole.FORMER_STUDENT, null, LocalDate.of(2008, 2, 29));
        EngagementRequest f = new EngagementRequest(Account.personal("a"), EngagementAction.FOLLOW, leap, null);
        assertThat(Policies.baseline().decide(f, Instant.parse("2026-02-28T12:00:00Z")).outcome()).isEqualTo(Outcome.DENY);
        assertThat(Policies.baseline().decide(f, Instant.parse("2026-03-01T12:00:00Z")).cites("12.b.i")).isFalse();
    }

    @Test
    void aStatusOfUnder18WinsOverABirthDateThatSaysAdult() {
        Person conflicting = new Person("p", PersonRole.STUDENT, StudentAgeStatus.UNDER_18, LocalDate.of(2000, 1, 1));
        assertThat(follow(Account.personal("a"), conflicting).outcome()).isEqualTo(Outcome.DENY);
    }
}
