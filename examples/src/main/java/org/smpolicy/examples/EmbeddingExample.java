package org.smpolicy.examples;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import org.smpolicy.SocialMediaPolicy;
import org.smpolicy.calendar.WorkingCalendar;
import org.smpolicy.decision.Decision;
import org.smpolicy.decision.Finding;
import org.smpolicy.decision.Obligation;
import org.smpolicy.json.JsonCodec;
import org.smpolicy.model.Account;
import org.smpolicy.model.Channel;
import org.smpolicy.model.Consent;
import org.smpolicy.model.DepictedPerson;
import org.smpolicy.model.EngagementAction;
import org.smpolicy.model.EngagementRequest;
import org.smpolicy.model.Image;
import org.smpolicy.model.Person;
import org.smpolicy.model.PersonRole;
import org.smpolicy.model.Post;
import org.smpolicy.model.PublishRequest;
import org.smpolicy.model.StudentAgeStatus;

/**
 * How a host application embeds smpolicy: build the policy once, share it, decide per request.
 * Copy this class into your application as a starting point.
 */
public final class EmbeddingExample {

    private EmbeddingExample() {
    }

    /**
     * Decides two requests and prints what a host would show.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        // Build once at start-up: compiling and validating the rules is the expensive step.
        SocialMediaPolicy policy = SocialMediaPolicy.builder()
                .clock(Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC))
                .calendar(WorkingCalendar.englandAndWales().withClosures(Set.of(LocalDate.of(2026, 12, 21))))
                .build();

        // A member of staff wants to post a sports-day photo from their own Instagram account.
        // Builders name every fact; what is not set is unknown (as a missing JSON field is), never the harmless answer.
        Decision publish = policy.checkPublish(PublishRequest.builder()
                .account(Account.personal("staff-42-instagram"))
                .post(Post.builder().id("post-1").text("Sports day!").author("Mr T").namesFederation(true).affectsFederation(true).build())
                .images(Image.builder().id("img-1").appropriatelyDressed(true).subjectToRidicule(false)
                        .people(DepictedPerson.builder().ref("pupil-1001").role(PersonRole.STUDENT)
                                .consent(Consent.granted(Channel.SOCIAL_MEDIA)).build())
                        .build())
                .build());
        print("publish", publish);

        // The same member of staff wants to follow a pupil; the MIS passes an age status, not a birth date.
        Decision follow = policy.checkEngagement(EngagementRequest.builder()
                .account(Account.personal("staff-42-instagram"))
                .action(EngagementAction.FOLLOW)
                .target(Person.builder().ref("pupil-1001").role(PersonRole.STUDENT).ageStatus(StudentAgeStatus.UNDER_18).build())
                .build());
        print("follow", follow);

        // Hosts that speak JSON use the codec.
        System.out.println(JsonCodec.strict().writeDecision(follow));
    }

    private static void print(String what, Decision d) {
        System.out.println(what + ": " + d.outcome());
        for (Finding f : d.findings()) {
            System.out.println("  " + f.outcome() + " [" + f.clause() + "] " + f.message()
                    + f.remedy().map(r -> " -> " + r).orElse(""));
        }
        for (Obligation o : d.obligations()) {
            System.out.println("  " + o.owner() + " must " + o.action() + " by " + o.due() + " [" + o.clause() + "]");
        }
    }
}
