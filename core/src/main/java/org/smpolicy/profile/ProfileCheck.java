package org.smpolicy.profile;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.smpolicy.Decision;
import org.smpolicy.Effect;
import org.smpolicy.Finding;
import org.smpolicy.Outcome;
import org.smpolicy.SocialMediaPolicy;
import org.smpolicy.json.JsonCodec;
import org.smpolicy.model.Account;
import org.smpolicy.model.Actor;
import org.smpolicy.model.Concern;
import org.smpolicy.model.TargetPost;
import org.smpolicy.model.AccountType;
import org.smpolicy.model.Answer;
import org.smpolicy.model.Channel;
import org.smpolicy.model.Consent;
import org.smpolicy.model.ConsentStatus;
import org.smpolicy.model.ContactChannel;
import org.smpolicy.model.ContactRequest;
import org.smpolicy.model.ContentFlag;
import org.smpolicy.model.DepictedPerson;
import org.smpolicy.model.EngagementAction;
import org.smpolicy.model.EngagementRequest;
import org.smpolicy.model.Image;
import org.smpolicy.model.IncomingMessage;
import org.smpolicy.model.MessageKind;
import org.smpolicy.model.Person;
import org.smpolicy.model.PersonRole;
import org.smpolicy.model.PolicyRequest;
import org.smpolicy.model.Post;
import org.smpolicy.model.PublishRequest;
import org.smpolicy.model.StudentAgeStatus;

/**
 * Holds a school's rule base against the baseline on generated requests: the child-protection
 * invariants must hold whatever the profile says, and wherever the profile is more permissive
 * than the baseline, a declared relaxation must account for it.
 *
 * <p>Invariants: no student image on a personal account is allowed; no personal-account
 * engagement with a current or former student under 18 (or of unknown age) is allowed; no image
 * of a student whose consent is unknown is allowed; no student image whose dress or ridicule
 * has not been judged is allowed.
 */
public final class ProfileCheck {

    private final Function<PolicyRequest, Decision> baseline;
    private final Function<PolicyRequest, Decision> school;
    private final SchoolProfile profile;
    private final LocalDate today;
    private final JsonCodec json = JsonCodec.strict();

    /**
     * @param baseline the baseline policy
     * @param school   the policy built with the profile, deciding at the same instant
     * @param profile  the profile, for its declared relaxations and messages
     */
    public ProfileCheck(SocialMediaPolicy baseline, SocialMediaPolicy school, SchoolProfile profile) {
        this(baseline::decide, school::decide, profile, school.status().asOf());
    }

    /**
     * @param baseline decides a request under the baseline
     * @param school   decides a request under the profile, at the same instant
     * @param profile  the profile, for its declared relaxations and messages
     * @param today    the decision date, for ages
     */
    public ProfileCheck(Function<PolicyRequest, Decision> baseline, Function<PolicyRequest, Decision> school,
                        SchoolProfile profile, LocalDate today) {
        this.baseline = baseline;
        this.school = school;
        this.profile = profile;
        this.today = today;
    }

    /**
     * @param count how many requests to generate
     * @param seed  the generator's seed (the same seed gives the same requests)
     * @return one {@code file:line: message} line per problem; empty when the profile passes
     */
    public List<String> run(int count, long seed) {
        Random random = new Random(seed);
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < count && problems.size() < 50; i++) {
            PolicyRequest request = generate(random);
            Decision b = baseline.apply(request);
            Decision s = school.apply(request);
            String invariant = brokenInvariant(request, s, today);
            if (invariant != null) {
                problems.add(profile.where("name") + ": child-protection invariant broken on generated request " + i
                        + ": " + invariant + " was " + s.outcome() + ": " + json.writeRequest(request));
                continue;
            }
            if (s.outcome().compareTo(b.outcome()) < 0) {
                Set<String> undeclared = b.findings().stream()
                        .filter(f -> f.outcome() == Effect.DENY || f.outcome() == Effect.REVIEW)
                        .filter(f -> s.findings().stream().noneMatch(g -> g.rule().equals(f.rule())))
                        .filter(f -> !profile.relaxations().containsKey(f.rule()))
                        .filter(f -> !(f.rule().startsWith("publish.link-") && profile.relaxations().containsKey("linkAllowList")))
                        .map(Finding::rule)
                        .collect(Collectors.toCollection(java.util.TreeSet::new));
                if (!undeclared.isEmpty()) {
                    problems.add(profile.where("name") + ": generated request " + i + " is " + s.outcome() + " under the profile but "
                            + b.outcome() + " under the baseline, and no relaxation declares " + undeclared + ": " + json.writeRequest(request));
                }
            }
        }
        return problems;
    }

    private static String brokenInvariant(PolicyRequest request, Decision d, LocalDate today) {
        if (d.outcome() != Outcome.ALLOW) {
            return null;
        }
        if (request instanceof PublishRequest p) {
            for (Image img : p.images()) {
                if (!p.account().official() && img.showsStudents() != Answer.NO) {
                    return "a possible student image on a personal account";
                }
                if (img.showsStudents() != Answer.NO
                        && (img.appropriatelyDressed() == Answer.UNKNOWN || img.subjectToRidicule() == Answer.UNKNOWN)) {
                    return "a student image nobody judged";
                }
                for (DepictedPerson person : img.people()) {
                    if (person.mayBePupil() && person.consent().status() == ConsentStatus.UNKNOWN) {
                        return "an image of a student with unknown consent";
                    }
                }
            }
        }
        if (request instanceof EngagementRequest e && !e.account().official() && e.target().student()
                && e.target().protectedMinorOn(today) && e.actor().boundAsStaff()) {
            return "a personal-account engagement with a student under 18 or of unknown age";
        }
        return null;
    }

    // A request the baseline allows or nearly allows, with one risk varied: the invariants are
    // only tested where other rules do not already stop the request.
    private static PolicyRequest nearlyClean(Random r) {
        boolean personal = r.nextBoolean();
        Channel channel = pick(r, Channel.values());
        Account account = new Account("acc", personal ? AccountType.PERSONAL : AccountType.FEDERATION, channel, Answer.YES,
                false, true, false);
        if (r.nextBoolean()) {
            StudentAgeStatus age = pick(r, StudentAgeStatus.values());
            return new EngagementRequest(account, pick(r, EngagementAction.values()),
                    new Person("t", r.nextBoolean() ? PersonRole.STUDENT : PersonRole.FORMER_STUDENT, age, null), null);
        }
        int risk = r.nextInt(4);
        Consent consent = risk == 0 ? Consent.unknown() : new Consent(ConsentStatus.GRANTED, Set.of(channel), null, null);
        Answer shows = risk == 1 ? Answer.UNKNOWN : Answer.YES;
        List<DepictedPerson> people = shows == Answer.YES
                ? List.of(new DepictedPerson("pupil", PersonRole.STUDENT, consent, false, false)) : List.of();
        Image img = new Image("img", people, shows, risk == 2 ? Answer.UNKNOWN : Answer.YES,
                risk == 3 ? Answer.UNKNOWN : Answer.NO, false, false);
        Post post = new Post("post", "text", "author", false, Answer.NO, false, false, Set.of(), Answer.UNKNOWN);
        return new PublishRequest(account, post, List.of(img), List.of(), List.of());
    }

    private static Actor actor(Random r) {
        return r.nextInt(3) == 0 ? Actor.unknown()
                : new Actor(r.nextBoolean() ? PersonRole.STAFF : pick(r, PersonRole.values()), answer(r), answer(r), answer(r));
    }

    private static <T> T pick(Random r, T[] values) {
        return values[r.nextInt(values.length)];
    }

    private static Answer answer(Random r) {
        return pick(r, Answer.values());
    }

    /**
     * Generates one request of a mix of types (publish, engagement, contact, incoming message),
     * with unknown answers, consents and ages among the values.
     *
     * @param r the random source
     * @return the request
     */
    public static PolicyRequest generate(Random r) {
        if (r.nextInt(3) == 0) {
            return nearlyClean(r);
        }
        Account account = new Account("acc-" + r.nextInt(5), pick(r, AccountType.values()), pick(r, Channel.values()),
                answer(r), r.nextBoolean(), r.nextBoolean(), r.nextInt(4) == 0);
        switch (r.nextInt(4)) {
            case 0, 1 -> {
                List<Image> images = new ArrayList<>();
                for (int i = r.nextInt(3); i > 0; i--) {
                    List<DepictedPerson> people = new ArrayList<>();
                    for (int j = r.nextInt(3); j > 0; j--) {
                        Consent consent = switch (r.nextInt(4)) {
                            case 0 -> Consent.unknown();
                            case 1 -> new Consent(ConsentStatus.REFUSED, Set.of(), null, null);
                            default -> new Consent(ConsentStatus.GRANTED, Set.of(pick(r, Channel.values())),
                                    r.nextBoolean() ? null : LocalDate.of(2026, 1 + r.nextInt(12), 1), null);
                        };
                        people.add(new DepictedPerson("p" + j, pick(r, PersonRole.values()), consent, r.nextInt(6) == 0, r.nextInt(8) == 0,
                                pick(r, StudentAgeStatus.values())));
                    }
                    images.add(new Image("img-" + i, people, answer(r), answer(r), answer(r), r.nextInt(10) == 0, r.nextBoolean(), answer(r)));
                }
                Set<ContentFlag> flags = r.nextInt(3) == 0 ? Set.of(pick(r, ContentFlag.values())) : Set.of();
                Post post = new Post("post", "text", r.nextInt(5) == 0 ? null : "author", r.nextBoolean(), answer(r),
                        r.nextBoolean(), r.nextBoolean(), flags, answer(r));
                return new PublishRequest(account, post, images, List.of(), List.of(), actor(r));
            }
            case 2 -> {
                Person target = new Person("t", pick(r, PersonRole.values()), pick(r, StudentAgeStatus.values()),
                        r.nextBoolean() ? null : LocalDate.of(2000 + r.nextInt(20), 1 + r.nextInt(12), 1 + r.nextInt(28)));
                TargetPost targetPost = r.nextBoolean() ? null : new TargetPost("post", answer(r), null, answer(r));
                return new EngagementRequest(account, pick(r, EngagementAction.values()), target, targetPost, answer(r), actor(r));
            }
            default -> {
                if (r.nextBoolean()) {
                    return new ContactRequest(pick(r, ContactChannel.values()), pick(r, PersonRole.values()), answer(r),
                            pick(r, StudentAgeStatus.values()), actor(r));
                }
                return new IncomingMessage("m", account, pick(r, MessageKind.values()), pick(r, PersonRole.values()),
                        OffsetDateTime.of(2026, 1 + r.nextInt(12), 1 + r.nextInt(28), r.nextInt(24), 0, 0, 0, ZoneOffset.UTC),
                        r.nextBoolean() ? Set.of() : Set.of(pick(r, Concern.values())), pick(r, StudentAgeStatus.values()));
            }
        }
    }
}
