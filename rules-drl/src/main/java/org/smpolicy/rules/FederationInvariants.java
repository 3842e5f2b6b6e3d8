package org.smpolicy.rules;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import org.smpolicy.PolicyInvariants;
import org.smpolicy.decision.Decision;
import org.smpolicy.decision.Outcome;
import org.smpolicy.model.Account;
import org.smpolicy.model.AccountType;
import org.smpolicy.model.Actor;
import org.smpolicy.model.Answer;
import org.smpolicy.model.Channel;
import org.smpolicy.model.Concern;
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
import org.smpolicy.model.TargetPost;

/**
 * The Federation policy's child-protection invariants, which no school profile may break
 * whatever it declares, and the generated requests that exercise them.
 *
 * <p>No student image on a personal account is allowed; no personal-account engagement by staff
 * with a current or former pupil under 18 (or of unknown age) is allowed; no image of a possible
 * pupil whose consent is unknown is allowed; no student image whose dress or ridicule has not
 * been judged is allowed.
 */
public final class FederationInvariants implements PolicyInvariants {

    @Override
    public Optional<String> broken(PolicyRequest request, Decision d, LocalDate today) {
        return Optional.ofNullable(brokenInvariant(request, d, today));
    }

    /** The clauses that protect children: consent and images (11), personal contact with pupils (12.b), pupils' communications (3.c). */
    static final Set<String> CHILD_CLAUSES = Set.of("11.a", "11.b", "11.c", "11.d", "12.b.i", "12.b.ii", "3.c");

    /** The link rules read the profile's allow list: relaxing it may silence them. */
    @Override
    public boolean relaxedBy(String rule, String parameter) {
        return "linkAllowList".equals(parameter) && rule.startsWith("publish.link-");
    }

    @Override
    public boolean protectsAChild(Decision d) {
        return d.findings().stream().anyMatch(f -> (f.outcome() == org.smpolicy.decision.Effect.DENY || f.outcome() == org.smpolicy.decision.Effect.REVIEW)
                && f.clauses().stream().anyMatch(CHILD_CLAUSES::contains));
    }

    @Override
    public PolicyRequest generate(Random random) {
        return request(random);
    }

    private static String brokenInvariant(PolicyRequest request, Decision d, LocalDate today) {
        if (d.outcome() != Outcome.ALLOW) {
            return null;
        }
        // A share or tag from a Federation account publishes what it shares: the same invariants hold for it.
        PublishRequest p = request instanceof PublishRequest pr ? pr
                : request instanceof EngagementRequest e ? e.asPublish().orElse(null) : null;
        if (p != null) {
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
    public static PolicyRequest request(Random r) {
        if (r.nextInt(3) == 0) {
            return nearlyClean(r);
        }
        Account account = new Account("acc-" + r.nextInt(5), pick(r, AccountType.values()), pick(r, Channel.values()),
                answer(r), r.nextBoolean(), r.nextBoolean(), r.nextInt(4) == 0);
        switch (r.nextInt(4)) {
            case 0, 1 -> {
                List<Image> images = images(r);
                Set<ContentFlag> flags = r.nextInt(3) == 0 ? Set.of(pick(r, ContentFlag.values())) : Set.of();
                Post post = new Post("post", "text", r.nextInt(5) == 0 ? null : "author", r.nextBoolean(), answer(r),
                        r.nextBoolean(), r.nextBoolean(), flags, answer(r));
                return new PublishRequest(account, post, images, List.of(), List.of(), actor(r));
            }
            case 2 -> {
                Person target = new Person("t", pick(r, PersonRole.values()), pick(r, StudentAgeStatus.values()),
                        r.nextBoolean() ? null : LocalDate.of(2000 + r.nextInt(20), 1 + r.nextInt(12), 1 + r.nextInt(28)));
                TargetPost targetPost = r.nextBoolean() ? null : r.nextBoolean() ? new TargetPost("post", answer(r), null, answer(r))
                        : new TargetPost("post", answer(r), null, null, images(r), answer(r));
                Post content = r.nextInt(4) != 0 ? null : new Post("words", "text", null, r.nextBoolean(), answer(r), false, false,
                        r.nextBoolean() ? Set.of() : Set.of(pick(r, ContentFlag.values())), answer(r));
                return new EngagementRequest(account, pick(r, EngagementAction.values()), target, targetPost, answer(r), actor(r),
                        content);
            }
            default -> {
                if (r.nextBoolean()) {
                    return new ContactRequest(pick(r, ContactChannel.values()), pick(r, PersonRole.values()), answer(r),
                            pick(r, StudentAgeStatus.values()), actor(r));
                }
                return new IncomingMessage("m", account, pick(r, MessageKind.values()), pick(r, PersonRole.values()),
                        OffsetDateTime.of(2026, 1 + r.nextInt(12), 1 + r.nextInt(28), r.nextInt(24), 0, 0, 0, ZoneOffset.UTC),
                        r.nextBoolean() ? Set.of() : Set.of(pick(r, Concern.values())), pick(r, StudentAgeStatus.values()),
                        r.nextInt(4) == 0);
            }
        }
    }

    private static List<Image> images(Random r) {
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
        return images;
    }
}
