package org.smpolicy.recheck;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BiFunction;
import org.smpolicy.calendar.WorkingCalendar;
import org.smpolicy.decision.Decision;
import org.smpolicy.decision.Finding;
import org.smpolicy.decision.Outcome;
import org.smpolicy.decision.Reliance;
import org.smpolicy.model.Actor;
import org.smpolicy.model.Answer;
import org.smpolicy.model.Consent;
import org.smpolicy.model.ConsentStatus;
import org.smpolicy.model.DepictedPerson;
import org.smpolicy.model.Image;
import org.smpolicy.model.PolicyRequest;
import org.smpolicy.model.PublishRequest;
import org.smpolicy.model.Role;

/**
 * Finds the published items a change of facts touches and decides each again. Hosts call it
 * through {@code SocialMediaPolicy.recheck}; docs/decisions.md says why the deadlines are what
 * they are.
 */
public final class Recheck {

    /**
     * How soon an item comes down once a person's consent, wish or listing says it must: within 24
     * clock hours, weekends included. A child's wish not to be photographed or a place on the
     * no-publish list is at least as urgent as clause 6's 24 hours, and does not wait for Monday.
     */
    public static final Duration TAKE_DOWN_WITHIN = Duration.ofHours(24);

    private Recheck() {
    }

    /**
     * @param decide    decides a request at an instant (the policy's {@code decide})
     * @param calendar  the working calendar review deadlines are counted in
     * @param published the register, in order
     * @param changes   the changes, in order
     * @param at        the instant of the re-check
     * @return the items to act on
     */
    public static RecheckReport run(BiFunction<PolicyRequest, Instant, Decision> decide, WorkingCalendar calendar,
                                    List<Published> published, List<FactChange> changes, Instant at) {
        Map<String, List<Integer>> byRef = new HashMap<>();
        for (int i = 0; i < changes.size(); i++) {
            byRef.computeIfAbsent(changes.get(i).ref(), k -> new ArrayList<>()).add(i);
        }
        LocalDate today = calendar.localDate(at);
        // Finding the touched items is an index lookup; only they are decided again, in parallel.
        List<Published> touchedItems = new ArrayList<>();
        List<TreeSet<Integer>> touchingChanges = new ArrayList<>();
        for (Published item : published) {
            TreeSet<Integer> touching = new TreeSet<>();
            for (Reliance r : Reliance.of(item.request())) {
                for (int i : byRef.getOrDefault(r.ref(), List.of())) {
                    if (changes.get(i).touches(r)) {
                        touching.add(i);
                    }
                }
            }
            if (!touching.isEmpty()) {
                touchedItems.add(item);
                touchingChanges.add(touching);
            }
        }
        long touched = touchedItems.size();
        List<RecheckReport.Item> reported = java.util.stream.IntStream.range(0, touchedItems.size()).parallel().mapToObj(k -> {
            Published item = touchedItems.get(k);
            TreeSet<Integer> touching = touchingChanges.get(k);
            List<FactChange> applied = touching.stream().map(changes::get).toList();
            Decision now = decide.apply(apply(item.request(), applied, today), at);
            if (now.outcome() == Outcome.ALLOW) {
                return null; // nothing is more permissive than ALLOW: whatever it was then, it is not worse now
            }
            Outcome before = item.recorded().filter(o -> o == Outcome.ALLOW)
                    .orElseGet(() -> decide.apply(item.request(), item.publishedAt()).outcome());
            if (now.outcome().compareTo(before) <= 0) {
                return null;
            }
            return new RecheckReport.Item(item.id(), item.request().account().id(), item.publishedAt(),
                    touching.stream().map(i -> i + 1).toList(), before, now, duties(now, applied, calendar, at));
        }).filter(java.util.Objects::nonNull).toList();
        return new RecheckReport(at, published.size(), touched, reported);
    }

    private static List<RecheckReport.Duty> duties(Decision now, List<FactChange> applied, WorkingCalendar calendar, Instant at) {
        List<RecheckReport.Duty> duties = new ArrayList<>();
        boolean aboutPeopleSeen = applied.stream().anyMatch(c -> !c.change().aboutRunner());
        String why = now.findings().stream().filter(f -> f.outcome().outcome() != Outcome.ALLOW).map(Finding::message)
                .findFirst().orElse("the decision changed");
        if (aboutPeopleSeen && now.outcome() == Outcome.DENY) {
            duties.add(new RecheckReport.Duty(Role.ACCOUNT_RUNNERS, RecheckReport.Duty.TAKE_DOWN, at.plus(TAKE_DOWN_WITHIN),
                    "take the post down: " + why));
        } else if (aboutPeopleSeen) {
            duties.add(new RecheckReport.Duty(Role.ACCOUNT_RUNNERS, RecheckReport.Duty.REVIEW_PUBLISHED, calendar.endOfNextWorkingDay(at),
                    "decide whether the post may stay up: " + why));
        }
        if (applied.stream().anyMatch(c -> c.change().aboutRunner())) {
            duties.add(new RecheckReport.Duty(Role.ADMINISTRATOR, RecheckReport.Duty.REASSIGN_CONTENT, calendar.endOfNextWorkingDay(at),
                    "the runner who posted it can no longer manage it: another named, trained runner takes over monitoring and managing it (4.a.iii.3)"));
        }
        return duties;
    }

    /**
     * The request as it would be now: the changes applied to the people they name. A change that
     * takes effect after {@code today} is not applied yet (a consent withdrawn from a later day
     * is, as the rules read the withdrawal date).
     */
    static PublishRequest apply(PublishRequest r, List<FactChange> changes, LocalDate today) {
        List<Image> images = new ArrayList<>();
        for (Image img : r.images()) {
            List<DepictedPerson> people = new ArrayList<>();
            for (DepictedPerson p : img.people()) {
                for (FactChange c : changes) {
                    if (p.ref() != null && p.ref().equals(c.ref())) {
                        p = apply(p, c, r.account().channel(), today);
                    }
                }
                people.add(p);
            }
            images.add(new Image(img.id(), people, img.showsStudents(), img.appropriatelyDressed(), img.subjectToRidicule(),
                    img.compromising(), img.taggingEnabled(), img.peopleComplete()));
        }
        Actor a = r.actor();
        for (FactChange c : changes) {
            if (a.ref() != null && a.ref().equals(c.ref()) && !c.fromOr(today).isAfter(today)) {
                if (c.change() == FactChange.Kind.RUNNER_TRAINING_LAPSED) {
                    a = new Actor(a.role(), a.readPolicy(), Answer.NO, a.namedRunner(), a.ref());
                } else if (c.change() == FactChange.Kind.RUNNER_LEFT) {
                    a = new Actor(a.role(), a.readPolicy(), a.trained(), Answer.NO, a.ref());
                }
            }
        }
        return new PublishRequest(r.account(), r.post(), images, r.links(), r.shared(), a);
    }

    private static DepictedPerson apply(DepictedPerson p, FactChange c, org.smpolicy.model.Channel channel, LocalDate today) {
        boolean inForce = !c.fromOr(today).isAfter(today);
        boolean onChannel = c.channels().isEmpty() || c.channels().contains(channel);
        Consent consent = p.consent();
        boolean listed = p.onNoPublishList();
        boolean asked = p.askedNotToBeFilmed();
        switch (c.change()) {
            case CONSENT_REFUSED -> consent = onChannel && inForce ? new Consent(ConsentStatus.REFUSED, java.util.Set.of(), null, null) : consent;
            case CONSENT_WITHDRAWN -> consent = onChannel ? new Consent(consent.status() == ConsentStatus.UNKNOWN ? ConsentStatus.REFUSED
                    : consent.status(), consent.channels(), consent.expires(), c.fromOr(today)) : consent;
            case CONSENT_GRANTED -> consent = inForce ? new Consent(ConsentStatus.GRANTED, c.channels(), null, null) : consent;
            case ADDED_TO_NO_PUBLISH_LIST -> listed = listed || inForce;
            case REMOVED_FROM_NO_PUBLISH_LIST -> listed = listed && !inForce;
            case ASKED_NOT_TO_BE_FILMED -> asked = asked || inForce;
            default -> {
            }
        }
        return new DepictedPerson(p.ref(), p.role(), consent, listed, asked, p.ageStatus());
    }
}
