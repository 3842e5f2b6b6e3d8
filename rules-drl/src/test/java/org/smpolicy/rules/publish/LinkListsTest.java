package org.smpolicy.rules.publish;

import static org.smpolicy.testkit.junit.DecisionAssert.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.smpolicy.SocialMediaPolicy;
import org.smpolicy.decision.Decision;
import org.smpolicy.drl.Parameters;
import org.smpolicy.model.Account;
import org.smpolicy.model.Answer;
import org.smpolicy.model.Link;
import org.smpolicy.model.Post;
import org.smpolicy.model.PublishRequest;
import org.smpolicy.rules.Policies;

/** The school's link allow and deny lists (profile parameters) settle hosts nobody checked by hand. */
class LinkListsTest {

    static final SocialMediaPolicy WITH_LISTS = SocialMediaPolicy.builder()
            .clock(Clock.fixed(Policies.NOW, ZoneOffset.UTC))
            .parameters(new Parameters(Duration.ofHours(24), Set.of("somerset.gov.uk"), Set.of("bad.example")))
            .build();

    static Decision link(SocialMediaPolicy policy, String url) {
        Post post = new Post("p", "see this", "Office", true, Answer.YES, false, false, Set.of(), Answer.UNKNOWN);
        return policy.checkPublish(new PublishRequest(Account.federation("fb"), post, List.of(),
                List.of(new Link(url, Answer.UNKNOWN, Answer.UNKNOWN)), List.of(), org.smpolicy.model.Actor.trainedStaffRunner()));
    }

    @Test
    void hostOnTheDenyListIsDeniedEvenInASubdomain() {
        assertThat(link(WITH_LISTS, "https://www.bad.example/page")).isDenied().firedRule("publish.link-unsafe").cites("7.j");
    }

    @Test
    void hostOnTheAllowListNeedsNoCheck() {
        assertThat(link(WITH_LISTS, "https://www.somerset.gov.uk/schools")).isAllowed().doesNotCite("7.j");
    }

    @Test
    void sameLinksWithoutListsNeedReview() {
        assertThat(link(Policies.baseline(), "https://www.somerset.gov.uk/schools")).needsReview().firedRule("publish.link-unchecked");
        assertThat(link(Policies.baseline(), "https://www.bad.example/page")).needsReview();
    }

    /** Haselbury's deny list: a listed host matches however the address is written (round 3, row 6). */
    static final SocialMediaPolicy HASELBURY = SocialMediaPolicy.builder()
            .clock(Clock.fixed(Policies.NOW, ZoneOffset.UTC))
            .parameters(new Parameters(Duration.ofHours(24), Set.of(), Set.of("tiktok.com", "bet365.com")))
            .build();

    static Decision checkedLink(SocialMediaPolicy policy, String url) {
        Post post = new Post("p", "see this", "Office", true, Answer.YES, false, false, Set.of(), Answer.UNKNOWN);
        return policy.checkPublish(new PublishRequest(Account.federation("fb"), post, List.of(),
                List.of(new Link(url, Answer.YES, Answer.YES)), List.of(), org.smpolicy.model.Actor.trainedStaffRunner()));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"www.tiktok.com/@x", "https://www.tiktok.com./@x", "HTTPS://WWW.TIKTOK.COM/@x",
        "https://user:pw@www.tiktok.com:443/@x", "//tiktok.com/@x", "tiktok.com", "https://www.%74iktok.com/@x", "m.tiktok.com:8080/x"})
    void aDenyListedHostIsDeniedHoweverTheAddressIsWritten(String url) {
        assertThat(checkedLink(HASELBURY, url)).isDenied().firedRule("publish.link-unsafe");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"javascript:alert(1)", "https://exa mple.com/", "https:\\\\tiktok.com",
        "ftp://tiktok.com/x", "https://[::1/"})
    void aLinkWhoseHostCannotBeReadIsReviewedNeverAllowed(String url) {
        assertThat(checkedLink(HASELBURY, url)).needsReview().firedRule("publish.link-unreadable");
    }

    @Test
    void anotherHostMarkedSafeIsAllowed() {
        assertThat(checkedLink(HASELBURY, "www.example.org/fair")).isAllowed();
        assertThat(checkedLink(HASELBURY, "https://bücher.example/")).isAllowed();
    }
}
