package org.smpolicy.examples;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.smpolicy.SocialMediaPolicy;
import org.smpolicy.calendar.WorkingCalendar;
import org.smpolicy.decision.Decision;
import org.smpolicy.decision.Finding;
import org.smpolicy.decision.Obligation;
import org.smpolicy.json.JsonCodec;
import org.smpolicy.model.Account;
import org.smpolicy.model.Answer;
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
        Image photo = new Image("img-1",
                List.of(new DepictedPerson("pupil-1001", PersonRole.STUDENT, Consent.granted(Channel.SOCIAL_MEDIA), false, false)),
                null, Answer.YES, Answer.NO, false, false);
        Post post = new Post("post-1", "Sports day!", "Mr T", true, Answer.YES, false, false, Set.of(), Answer.UNKNOWN);
        Decision publish = policy.checkPublish(
                new PublishRequest(Account.personal("staff-42-instagram"), post, List.of(photo), List.of(), List.of()));
        print("publish", publish);

        // The same member of staff wants to follow a pupil; the MIS passes an age status, not a birth date.
        Decision follow = policy.checkEngagement(new EngagementRequest(Account.personal("staff-42-instagram"),
                EngagementAction.FOLLOW, new Person("pupil-1001", PersonRole.STUDENT, StudentAgeStatus.UNDER_18, null), null));
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
