package org.smpolicy.properties;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.smpolicy.SocialMediaPolicy;
import org.smpolicy.decision.Decision;
import org.smpolicy.model.Account;
import org.smpolicy.model.AccountType;
import org.smpolicy.model.Actor;
import org.smpolicy.model.Answer;
import org.smpolicy.model.Channel;
import org.smpolicy.model.Consent;
import org.smpolicy.model.DepictedPerson;
import org.smpolicy.model.Image;
import org.smpolicy.model.PersonRole;
import org.smpolicy.model.Post;
import org.smpolicy.model.PublishRequest;
import org.smpolicy.recheck.FactChange;
import org.smpolicy.recheck.Published;
import org.smpolicy.recheck.RecheckReport;
import org.smpolicy.rules.Policies;

/**
 * Re-checking published content (issue 25), over generated registers and changes: an item the
 * changes do not touch is never reported; an item whose decision, with the changes applied as
 * this test applies them, is more restrictive than when it was published always is. Seen to fail
 * against a re-check that ignores the channels a consent change names.
 */
class RecheckPropertyTest {

    static final SocialMediaPolicy POLICY = Policies.baseline();
    static final Instant AT = Instant.parse("2026-11-25T10:00:00Z");
    static final Instant PUBLISHED = Instant.parse("2026-10-01T10:00:00Z");
    static final List<String> PUPILS = List.of("pupil-1", "pupil-2", "pupil-3", "pupil-4");

    record Case(List<Published> register, List<FactChange> changes) {
        /** Each item its own id, by position. */
        Case {
            List<Published> unique = new ArrayList<>();
            for (Published p : register) {
                unique.add(new Published("item-" + unique.size(), p.publishedAt(), p.request(), p.recorded()));
            }
            register = List.copyOf(unique);
        }
    }

    static Gen<Published> items() {
        Gen<List<Integer>> people = lists().of(integers().between(0, PUPILS.size() - 1)).ofSizeBetween(1, 3);
        // Some items carry the outcome a host recorded, of any value: a recorded outcome must never
        // keep an item that is now more restrictive out of the report.
        Gen<java.util.Optional<org.smpolicy.decision.Outcome>> recorded = Generate.pick(List.of(java.util.Optional.empty(),
                java.util.Optional.of(org.smpolicy.decision.Outcome.ALLOW), java.util.Optional.of(org.smpolicy.decision.Outcome.REVIEW),
                java.util.Optional.of(org.smpolicy.decision.Outcome.DENY)));
        return Generate.pick(List.of(Channel.SOCIAL_MEDIA, Channel.WEBSITE, Channel.NEWSLETTER)).zip(people, integers().between(0, 999), recorded,
                (channel, refs, id, outcome) -> {
                    List<DepictedPerson> ps = new ArrayList<>();
                    for (int r : new java.util.TreeSet<>(refs)) {
                        ps.add(new DepictedPerson(PUPILS.get(r), PersonRole.STUDENT,
                                Consent.granted(Channel.SOCIAL_MEDIA, Channel.WEBSITE, Channel.NEWSLETTER), false, false));
                    }
                    Account account = new Account("acc-" + channel, AccountType.FEDERATION, channel, Answer.YES, true, false, true);
                    Image img = new Image("img", ps, null, Answer.YES, Answer.NO, false, false, Answer.YES);
                    return new Published("item-" + id, PUBLISHED, new PublishRequest(account,
                            new Post("p", "text", "Office", false, Answer.UNKNOWN, false, false, Set.of(), Answer.UNKNOWN),
                            List.of(img), List.of(), List.of(), Actor.trainedStaffRunner()), outcome);
                });
    }

    static Gen<FactChange> changes() {
        Gen<Set<Channel>> channels = Generate.pick(List.of(Set.<Channel>of(), Set.of(Channel.SOCIAL_MEDIA), Set.of(Channel.WEBSITE),
                Set.of(Channel.SOCIAL_MEDIA, Channel.NEWSLETTER)));
        Gen<FactChange.Kind> kinds = Generate.pick(List.of(FactChange.Kind.CONSENT_WITHDRAWN, FactChange.Kind.CONSENT_REFUSED,
                FactChange.Kind.ADDED_TO_NO_PUBLISH_LIST, FactChange.Kind.ASKED_NOT_TO_BE_FILMED));
        return kinds.zip(integers().between(0, PUPILS.size()), channels, (kind, who, ch) -> new FactChange(kind,
                who == PUPILS.size() ? "nobody" : PUPILS.get(who), LocalDate.of(2026, 11, 20),
                kind.fact() == org.smpolicy.decision.Reliance.Fact.CONSENT ? ch : Set.of()));
    }

    static Gen<Case> cases() {
        return lists().of(items()).ofSizeBetween(1, 6).zip(lists().of(changes()).ofSizeBetween(1, 3), Case::new);
    }

    /** Touching, written out here: the same person, and for consent a channel the change names. */
    static boolean touches(FactChange c, PublishRequest r) {
        boolean channel = c.channels().isEmpty() || c.channels().contains(r.account().channel());
        return r.images().stream().flatMap(i -> i.people().stream()).anyMatch(p -> c.ref().equals(p.ref()))
                && (c.change().fact() != org.smpolicy.decision.Reliance.Fact.CONSENT || channel);
    }

    /** The changes applied, written out here for the generated kinds. */
    static PublishRequest applied(PublishRequest r, List<FactChange> changes) {
        List<Image> images = new ArrayList<>();
        for (Image img : r.images()) {
            List<DepictedPerson> people = new ArrayList<>();
            for (DepictedPerson p : img.people()) {
                for (FactChange c : changes) {
                    if (!c.ref().equals(p.ref()) || !touches(c, r)) {
                        continue;
                    }
                    p = switch (c.change()) {
                        case CONSENT_WITHDRAWN -> new DepictedPerson(p.ref(), p.role(), new Consent(p.consent().status(), p.consent().channels(),
                                null, c.from()), p.onNoPublishList(), p.askedNotToBeFilmed());
                        case CONSENT_REFUSED -> new DepictedPerson(p.ref(), p.role(), new Consent(org.smpolicy.model.ConsentStatus.REFUSED,
                                Set.of(), null, null), p.onNoPublishList(), p.askedNotToBeFilmed());
                        case ADDED_TO_NO_PUBLISH_LIST -> new DepictedPerson(p.ref(), p.role(), p.consent(), true, p.askedNotToBeFilmed());
                        default -> new DepictedPerson(p.ref(), p.role(), p.consent(), p.onNoPublishList(), true);
                    };
                }
                people.add(p);
            }
            images.add(new Image(img.id(), people, img.showsStudents(), img.appropriatelyDressed(), img.subjectToRidicule(),
                    img.compromising(), img.taggingEnabled(), img.peopleComplete()));
        }
        return new PublishRequest(r.account(), r.post(), images, r.links(), r.shared(), r.actor());
    }

    static void untouchedNeverReported(BiFunction<List<Published>, List<FactChange>, RecheckReport> recheck) {
        qt().withExamples(500).forAll(cases()).check(c -> {
            RecheckReport report = recheck.apply(c.register(), c.changes());
            return report.reported().stream().allMatch(i -> c.register().stream().filter(p -> p.id().equals(i.id()))
                    .allMatch(p -> c.changes().stream().anyMatch(ch -> touches(ch, p.request()))));
        });
    }

    static void moreRestrictiveAlwaysReported(BiFunction<List<Published>, List<FactChange>, RecheckReport> recheck) {
        qt().withExamples(500).forAll(cases()).check(c -> {
            RecheckReport report = recheck.apply(c.register(), c.changes());
            for (Published p : c.register()) {
                Decision before = POLICY.decide(p.request(), p.publishedAt());
                Decision now = POLICY.decide(applied(p.request(), c.changes()), AT);
                if (now.outcome().compareTo(before.outcome()) > 0 && report.reported().stream().noneMatch(i -> i.id().equals(p.id()))) {
                    return false;
                }
            }
            return true;
        });
    }

    static RecheckReport recheck(List<Published> register, List<FactChange> changes) {
        return POLICY.recheck(register, changes, AT);
    }

    @Test
    void anItemNoChangeTouchesIsNeverReported() {
        untouchedNeverReported(RecheckPropertyTest::recheck);
    }

    @Test
    void anItemWhoseDecisionBecameMoreRestrictiveIsAlwaysReported() {
        moreRestrictiveAlwaysReported(RecheckPropertyTest::recheck);
    }

    @Test
    void bothFailForARecheckThatIgnoresChannels() {
        BiFunction<List<Published>, List<FactChange>, RecheckReport> ignoresChannels = (register, changes) -> POLICY.recheck(register,
                changes.stream().map(c -> new FactChange(c.change(), c.ref(), c.from(), Set.of())).toList(), AT);
        PropertiesFailWhenBrokenTest.falsified(() -> untouchedNeverReported(ignoresChannels));
    }

    /** A re-check that took every recorded outcome at its word would let a register hide posts. */
    @Test
    void moreRestrictiveFailsForARecheckThatTrustsAStricterRecordedOutcome() {
        BiFunction<List<Published>, List<FactChange>, RecheckReport> trustsRecorded = (register, changes) -> {
            RecheckReport r = POLICY.recheck(register, changes, AT);
            java.util.Map<String, Published> byId = new java.util.HashMap<>();
            register.forEach(p -> byId.put(p.id(), p));
            return new RecheckReport(r.at(), r.items(), r.touched(), r.reported().stream()
                    .filter(i -> byId.get(i.id()).recorded().map(o -> i.decision().outcome().compareTo(o) > 0).orElse(true)).toList());
        };
        PropertiesFailWhenBrokenTest.falsified(() -> moreRestrictiveAlwaysReported(trustsRecorded));
    }
}
