package org.smpolicy.rules.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.smpolicy.decision.Decision;
import org.smpolicy.decision.Effect;
import org.smpolicy.decision.Outcome;
import org.smpolicy.model.Account;
import org.smpolicy.model.Answer;
import org.smpolicy.model.Channel;
import org.smpolicy.model.Consent;
import org.smpolicy.model.DepictedPerson;
import org.smpolicy.model.Image;
import org.smpolicy.model.PersonRole;
import org.smpolicy.model.Post;
import org.smpolicy.model.PublishRequest;
import org.smpolicy.rules.Policies;

class ImagesTest {

    static Post post() {
        return new Post("post-1", "Sports day", "Mr T", true, Answer.YES, false, false, Set.of(), Answer.UNKNOWN);
    }

    static Image studentImage(String id) {
        return new Image(id, List.of(new DepictedPerson("pupil-1", PersonRole.STUDENT,
                Consent.granted(Channel.SOCIAL_MEDIA), false, false)), null, Answer.YES, Answer.NO, false, false);
    }

    static Decision publish(Account account, Image... images) {
        return Policies.baseline().checkPublish(new PublishRequest(account, post(), List.of(images), List.of(), List.of(),
                org.smpolicy.model.Actor.trainedStaffRunner()));
    }

    @Test
    void studentImageOnPersonalAccountIsDenied() {
        Decision d = publish(Account.personal("acc"), studentImage("img-1"));
        assertThat(d.outcome()).isEqualTo(Outcome.DENY);
        assertThat(d.finding("publish.student-image-personal-account")).hasValueSatisfying(f -> {
            assertThat(f.clause()).isEqualTo("11.b");
            assertThat(f.outcome()).isEqualTo(Effect.DENY);
            assertThat(f.message()).contains("img-1");
            assertThat(f.remedy()).hasValueSatisfying(r -> assertThat(r).contains("Federation account"));
        });
    }

    @Test
    void studentImageOnFederationAccountIsNotDeniedUnder11b() {
        Decision d = publish(Account.federation("acc"), studentImage("img-1"));
        assertThat(d.cites("11.b")).isFalse();
    }

    @Test
    void imageOfOnlyAdultsOnPersonalAccountIsNotDeniedUnder11b() {
        Image adults = new Image("img-2", List.of(new DepictedPerson("staff-1", PersonRole.STAFF, null, false, false)),
                null, Answer.YES, Answer.NO, false, false, Answer.YES);
        Decision d = publish(Account.personal("acc"), adults);
        assertThat(d.cites("11.b")).isFalse();
    }

    @Test
    void imageThatMayShowStudentsOnPersonalAccountNeedsReview() {
        Image unknown = new Image("img-3", List.of(), null, Answer.UNKNOWN, Answer.UNKNOWN, false, false);
        Decision d = publish(Account.personal("acc"), unknown);
        assertThat(d.outcome()).isNotEqualTo(Outcome.ALLOW);
        assertThat(d.finding("publish.unknown-image-personal-account"))
                .hasValueSatisfying(f -> assertThat(f.outcome()).isEqualTo(Effect.REVIEW));
    }

    @Test
    void everyStudentImageIsNamed() {
        Decision d = publish(Account.personal("acc"), studentImage("img-a"), studentImage("img-b"));
        assertThat(d.findings()).filteredOn(f -> f.rule().equals("publish.student-image-personal-account"))
                .extracting(f -> f.message().substring(0, 13)).containsExactly("image `img-a`", "image `img-b`");
    }
}
