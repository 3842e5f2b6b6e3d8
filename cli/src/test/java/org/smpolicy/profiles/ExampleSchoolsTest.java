package org.smpolicy.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smpolicy.testkit.junit.DecisionAssert.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.smpolicy.SocialMediaPolicy;
import org.smpolicy.model.Account;
import org.smpolicy.model.IncomingMessage;
import org.smpolicy.model.MessageKind;
import org.smpolicy.model.PersonRole;

/** The Federation's two schools decide the same requests differently, as their profiles say. */
class ExampleSchoolsTest {

    static final SocialMediaPolicy MERRIOTT = Profiles.policy(Profiles.MERRIOTT);
    static final SocialMediaPolicy HASELBURY = Profiles.policy(Profiles.HASELBURY);

    static IncomingMessage saturdayComment() {
        return new IncomingMessage("m", Account.federation("fb"), MessageKind.COMMENT, PersonRole.PARENT,
                OffsetDateTime.parse("2026-11-28T10:00:00Z"), Set.of());
    }

    @Test
    void merriottsInsetDayPushesTheSaturdayCommentToTuesday() {
        assertThat(MERRIOTT.respondTo(saturdayComment())).hasObligation("6").dueAt(Instant.parse("2026-12-01T17:00:00Z"));
        assertThat(HASELBURY.respondTo(saturdayComment())).hasObligation("6").dueAt(Instant.parse("2026-11-30T17:00:00Z"));
    }

    @Test
    void merriottReviewsPressPhotosOfPupilsAndHaselburyDoesNot() {
        assertThat(MERRIOTT.checkPublish(Profiles.pressPhoto())).needsReview().firedRule("merriott.press-photos-need-head-approval").cites("11.a");
        assertThat(HASELBURY.checkPublish(Profiles.pressPhoto())).isAllowed();
    }

    @Test
    void haselburyDeniesLinksToItsDenyListAndMerriottAsksForACheck() {
        assertThat(HASELBURY.checkPublish(Profiles.link("https://www.tiktok.com/@someone"))).isDenied().firedRule("publish.link-unsafe");
        assertThat(MERRIOTT.checkPublish(Profiles.link("https://www.tiktok.com/@someone"))).needsReview();
    }

    @Test
    void haselburyDisabledTheToneAdviceWithItsReason() {
        assertThat(HASELBURY.checkPublish(Profiles.pressPhoto())).didNotFire("publish.tone");
        assertThat(MERRIOTT.checkPublish(Profiles.pressPhoto())).firedRule("publish.tone");
        assertThat(HASELBURY.rules()).filteredOn(r -> r.id().equals("publish.tone"))
                .singleElement().satisfies(r -> assertThat(r.disabledReason()).hasValueSatisfying(reason -> assertThat(reason).contains("communications lead")));
    }

    @Test
    void decisionsNameTheProfile() {
        assertThat(MERRIOTT.respondTo(saturdayComment()).profile()).isEqualTo("Merriott Primary School");
        assertThat(MERRIOTT.profile()).isEqualTo("Merriott Primary School");
    }
}
