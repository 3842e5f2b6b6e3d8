package org.smpolicy.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.smpolicy.SocialMediaPolicy;
import org.smpolicy.decision.Decision;
import org.smpolicy.decision.Outcome;
import org.smpolicy.model.Account;
import org.smpolicy.model.Actor;
import org.smpolicy.model.Answer;
import org.smpolicy.model.Channel;
import org.smpolicy.model.Consent;
import org.smpolicy.model.ConsentStatus;
import org.smpolicy.model.DepictedPerson;
import org.smpolicy.model.EngagementAction;
import org.smpolicy.model.EngagementRequest;
import org.smpolicy.model.Image;
import org.smpolicy.model.Person;
import org.smpolicy.model.PersonRole;
import org.smpolicy.model.PolicyRequest;
import org.smpolicy.model.Post;
import org.smpolicy.model.PublishRequest;
import org.smpolicy.model.StudentAgeStatus;

/** Until when a decision holds: the first instant at which time alone changes it. */
class ValidUntilTest {

    static final SocialMediaPolicy POLICY = Policies.baseline();

    static EngagementRequest follow(LocalDate born) {
        return new EngagementRequest(Account.personal("staff-1"), EngagementAction.FOLLOW,
                new Person("former-1", PersonRole.FORMER_STUDENT, StudentAgeStatus.UNKNOWN, born), null);
    }

    static PublishRequest photo(Consent... consents) {
        List<DepictedPerson> people = new java.util.ArrayList<>();
        for (int i = 0; i < consents.length; i++) {
            people.add(new DepictedPerson("pupil-" + i, PersonRole.STUDENT, consents[i], false, false));
        }
        Image img = new Image("img-1", people, null, Answer.YES, Answer.NO, false, false, Answer.YES);
        Post post = new Post("post-1", "Sports day", "Office", true, Answer.YES, false, false, Set.of(), Answer.UNKNOWN);
        return new PublishRequest(Account.federation("fb"), post, List.of(img), List.of(), List.of(), Actor.trainedStaffRunner());
    }

    @Test
    void aFormerPupilsFollowHoldsUntilTheirEighteenthBirthdayThenIsAllowed() {
        Decision d = POLICY.decide(follow(LocalDate.of(2008, 12, 10)), Instant.parse("2026-11-25T10:00:00Z"));
        assertThat(d.outcome()).isEqualTo(Outcome.DENY);
        assertThat(d.validUntil()).hasValue(Instant.parse("2026-12-10T00:00:00Z"));
        assertThat(d.outcomeThen()).hasValue(Outcome.ALLOW);
    }

    @Test
    void aLeapDayBirthTurnsEighteenOnTheFirstOfMarchInACommonYear() {
        Decision d = POLICY.decide(follow(LocalDate.of(2008, 2, 29)), Instant.parse("2026-02-20T10:00:00Z"));
        assertThat(d.validUntil()).hasValue(Instant.parse("2026-03-01T00:00:00Z"));
    }

    @Test
    void consentExpiringOnTheDecisionDayStillHoldsThatDayAndMidnightIsLondonsEvenInSummer() {
        Decision d = POLICY.decide(photo(new Consent(ConsentStatus.GRANTED, Set.of(Channel.SOCIAL_MEDIA), LocalDate.of(2027, 7, 31), null)),
                Instant.parse("2027-07-31T15:00:00Z"));
        assertThat(d.outcome()).isEqualTo(Outcome.ALLOW);
        // Midnight on 1 August in London (BST) is 23:00 UTC on 31 July.
        assertThat(d.validUntil()).hasValue(Instant.parse("2027-07-31T23:00:00Z"));
        assertThat(d.outcomeThen()).hasValue(Outcome.DENY);
    }

    @Test
    void onlyTheSecondCandidateChangesTheAnswer() {
        // Pupil 0's consent does not cover social media at all, so its expiry changes nothing; pupil 1's does.
        Decision d = POLICY.decide(photo(new Consent(ConsentStatus.GRANTED, Set.of(Channel.WEBSITE), LocalDate.of(2026, 12, 20), null),
                new Consent(ConsentStatus.GRANTED, Set.of(Channel.SOCIAL_MEDIA), LocalDate.of(2027, 1, 31), null)),
                Instant.parse("2026-11-25T10:00:00Z"));
        assertThat(d.outcome()).isEqualTo(Outcome.DENY);
        assertThat(d.validUntil()).hasValue(Instant.parse("2027-02-01T00:00:00Z"));
        assertThat(d.outcomeThen()).hasValue(Outcome.DENY);
    }

    @Test
    void aRequestWithNoDatesHoldsForever() {
        PolicyRequest r = photo(Consent.granted(Channel.SOCIAL_MEDIA));
        assertThat(POLICY.decide(r, Instant.parse("2026-11-25T10:00:00Z")).validUntil()).isEmpty();
    }

    /**
     * The same decision one millisecond before validUntil; a different one at it. (A duty due
     * "immediately" is the same duty whenever it is decided.)
     */
    @Test
    void theDecisionChangesExactlyAtValidUntil() {
        Instant now = Instant.parse("2026-11-25T10:00:00Z");
        qt().withExamples(Integer.getInteger("smpolicy.examples", 1000)).forAll(longs().all()).check(seed -> {
            PolicyRequest r = FederationInvariants.request(new Random(seed));
            Decision d = POLICY.decide(r, now);
            if (d.validUntil().isEmpty()) {
                return true;
            }
            Instant until = d.validUntil().get();
            Decision before = POLICY.decide(r, until.minusMillis(1));
            Decision at = POLICY.decide(r, until);
            return before.sameAs(until.minusMillis(1), d, now) && !at.sameAs(until, d, now) && at.outcome() == d.outcomeThen().get();
        });
    }
}
