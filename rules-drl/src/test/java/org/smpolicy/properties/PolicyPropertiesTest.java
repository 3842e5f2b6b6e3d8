package org.smpolicy.properties;

import static org.quicktheories.QuickTheory.qt;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.Generate;
import org.smpolicy.SocialMediaPolicy;
import org.smpolicy.decision.Decision;
import org.smpolicy.decision.Outcome;
import org.smpolicy.decision.Question;
import org.smpolicy.json.JsonCodec;
import org.smpolicy.model.Account;
import org.smpolicy.model.AccountType;
import org.smpolicy.model.Answer;
import org.smpolicy.model.Consent;
import org.smpolicy.model.ContentFlag;
import org.smpolicy.model.DepictedPerson;
import org.smpolicy.model.EngagementRequest;
import org.smpolicy.model.Image;
import org.smpolicy.model.Person;
import org.smpolicy.model.PersonRole;
import org.smpolicy.model.Post;
import org.smpolicy.model.PublishRequest;
import org.smpolicy.model.StudentAgeStatus;
import org.smpolicy.rules.Policies;

/**
 * Invariants of the baseline policy over generated requests, 1000 examples each (QuickTheories,
 * not jqwik: see the README). docs/properties.md records each one failing and shrinking when the
 * invariant was broken on purpose.
 */
class PolicyPropertiesTest {

    static final int EXAMPLES = 1000;
    static final SocialMediaPolicy POLICY = Policies.baseline();

    /** The facts that each produce a DENY, whatever else the request holds. */
    enum DenyFact { CONFIDENTIAL_FLAG, NO_PUBLISH_LIST_PUPIL, ASKED_NOT_TO_BE_FILMED, COMPROMISING_IMAGE }

    static PublishRequest add(PublishRequest r, DenyFact fact) {
        List<Image> images = new ArrayList<>(r.images());
        Post p = r.post();
        switch (fact) {
            case CONFIDENTIAL_FLAG -> {
                Set<ContentFlag> flags = new java.util.HashSet<>(p.flags());
                flags.add(ContentFlag.CONFIDENTIAL);
                p = new Post(p.id(), p.text(), p.author(), p.namesFederation(), p.affectsFederation(), p.personalViews(),
                        p.disclaimer(), flags, p.seniorLeaderApproved());
            }
            case NO_PUBLISH_LIST_PUPIL -> images.add(new Image("added", List.of(new DepictedPerson("x", PersonRole.STUDENT,
                    Consent.unknown(), true, false)), null, Answer.YES, Answer.NO, false, false));
            case ASKED_NOT_TO_BE_FILMED -> images.add(new Image("added", List.of(new DepictedPerson("x", PersonRole.PARENT,
                    Consent.unknown(), false, true)), null, Answer.YES, Answer.NO, false, false));
            case COMPROMISING_IMAGE -> images.add(new Image("added", List.of(), Answer.NO, Answer.YES, Answer.NO, true, false));
        }
        return new PublishRequest(r.account(), p, images, r.links(), r.shared());
    }

    @Test
    void addingADenyFactNeverMakesTheOutcomeMorePermissive() {
        monotonicity(POLICY::decide);
    }

    static void monotonicity(java.util.function.Function<org.smpolicy.model.PolicyRequest, Decision> POLICY) {
        qt().withExamples(EXAMPLES).forAll(Gens.publishRequests(), Generate.enumValues(DenyFact.class))
                .check((r, fact) -> {
                    Outcome before = POLICY.apply(r).outcome();
                    Outcome after = POLICY.apply(add(r, fact)).outcome();
                    return after.compareTo(before) >= 0 && after == Outcome.DENY;
                });
    }

    @Test
    void anImageThatMayShowAStudentOnAPersonalAccountIsNeverAllowed() {
        unknownImage(POLICY::decide);
    }

    static void unknownImage(java.util.function.Function<org.smpolicy.model.PolicyRequest, Decision> POLICY) {
        qt().withExamples(EXAMPLES).forAll(Gens.publishRequests())
                .check(r -> {
                    PublishRequest personal = new PublishRequest(new Account("acc", AccountType.PERSONAL, r.account().channel(),
                            r.account().sltApproved(), r.account().namesFederation(), true, false), r.post(),
                            append(r.images(), new Image("unknown", List.of(), Answer.UNKNOWN, Answer.YES, Answer.NO, false, false)),
                            r.links(), r.shared());
                    return POLICY.apply(personal).outcome() != Outcome.ALLOW;
                });
    }

    @Test
    void aStudentOfUnknownAgeIsNeverEngagedFromAPersonalAccount() {
        unknownAge(POLICY::decide);
    }

    static void unknownAge(java.util.function.Function<org.smpolicy.model.PolicyRequest, Decision> POLICY) {
        qt().withExamples(EXAMPLES).forAll(Gens.engagements())
                .check(e -> {
                    Account personal = new Account(e.account().id(), AccountType.PERSONAL, e.account().channel(),
                            e.account().sltApproved(), e.account().namesFederation(), e.account().disclaimer(), false);
                    EngagementRequest unknownAge = new EngagementRequest(personal, e.action(),
                            new Person("t", PersonRole.FORMER_STUDENT, StudentAgeStatus.UNKNOWN, null), e.targetPost());
                    return POLICY.apply(unknownAge).outcome() == Outcome.DENY;
                });
    }

    @Test
    void aStudentWithUnknownConsentIsNeverPublished() {
        unknownConsent(POLICY::decide);
    }

    static void unknownConsent(java.util.function.Function<org.smpolicy.model.PolicyRequest, Decision> POLICY) {
        qt().withExamples(EXAMPLES).forAll(Gens.publishRequests())
                .check(r -> POLICY.apply(new PublishRequest(r.account(), r.post(),
                        append(r.images(), new Image("pupil", List.of(new DepictedPerson("pupil", PersonRole.STUDENT, Consent.unknown(), false, false)),
                                null, Answer.YES, Answer.NO, false, false)), r.links(), r.shared())).outcome() != Outcome.ALLOW);
    }

    @Test
    void theSameRequestGetsTheSameDecisionWhateverTheOrderAndHoweverOften() {
        deterministic(POLICY::decide);
    }

    static void deterministic(java.util.function.Function<PublishRequest, Decision> decide) {
        qt().withExamples(EXAMPLES).forAll(Gens.publishRequests())
                .check(r -> {
                    List<Image> reversed = new ArrayList<>();
                    for (Image img : r.images()) {
                        List<DepictedPerson> people = new ArrayList<>(img.people());
                        Collections.reverse(people);
                        reversed.add(new Image(img.id(), people, img.showsStudents(), img.appropriatelyDressed(),
                                img.subjectToRidicule(), img.compromising(), img.taggingEnabled(), img.peopleComplete()));
                    }
                    Collections.reverse(reversed);
                    Decision first = decide.apply(r);
                    Decision ofReversed = decide.apply(new PublishRequest(r.account(), r.post(), reversed, r.links(), r.shared()));
                    return first.equals(decide.apply(r))
                            && first.withQuestions(byPath(first.questions()), first.outcomeIfConfirmed()).equals(
                                    ofReversed.withQuestions(byPath(inOriginalOrder(ofReversed.questions(), r.images())),
                                            ofReversed.outcomeIfConfirmed()));
                });
    }

    /**
     * A question names its fact by position ({@code $.images[1].people[0].consent...}); reversing the
     * lists moves the fact, not the question. Maps each path and accessor of a decision on the
     * reversed request back to the original positions. Questions come in the request's order, so
     * they are compared as sets ({@link #byPath}).
     */
    static List<Question> byPath(List<Question> asked) {
        List<Question> sorted = new ArrayList<>();
        for (Question q : asked) {
            sorted.add(q.alternatives().isEmpty() ? q : q.withAlternatives(byPath(q.alternatives())));
        }
        sorted.sort(java.util.Comparator.comparing(Question::path));
        return sorted;
    }

    static List<Question> inOriginalOrder(List<Question> asked, List<Image> original) {
        int images = original.size();
        List<Question> mapped = new ArrayList<>();
        for (Question q : asked) {
            String path = q.path();
            String accessor = q.accessor();
            Matcher m = Pattern.compile("^\\$\\.images\\[(\\d+)](\\.people\\[(\\d+)])?").matcher(path);
            if (m.find()) {
                int i = images - 1 - Integer.parseInt(m.group(1));
                String prefix = "$.images[" + i + "]";
                String accessorPrefix = "images().get(" + i + ")";
                if (m.group(3) != null) {
                    int j = original.get(i).people().size() - 1 - Integer.parseInt(m.group(3));
                    prefix += ".people[" + j + "]";
                    accessorPrefix += ".people().get(" + j + ")";
                }
                path = prefix + path.substring(m.end());
                Matcher a = Pattern.compile("^images\\(\\)\\.get\\(\\d+\\)(\\.people\\(\\)\\.get\\(\\d+\\))?").matcher(accessor);
                if (a.find()) {
                    accessor = accessorPrefix + accessor.substring(a.end());
                }
            }
            mapped.add(new Question(path, accessor, q.ask(), q.answer(), q.forPerson(), inOriginalOrder(q.alternatives(), original)));
        }
        return mapped;
    }

    @Test
    void decisionsAndRequestsSurviveAJsonRoundTrip() {
        roundTrip(JsonCodec.strict()::writeDecision);
    }

    static void roundTrip(java.util.function.Function<Decision, String> write) {
        JsonCodec json = JsonCodec.strict();
        qt().withExamples(EXAMPLES).forAll(Gens.publishRequests())
                .check(r -> {
                    Decision d = POLICY.decide(r);
                    return json.readDecision(write.apply(d)).equals(d)
                            && json.readRequest(json.writeRequest(r)).equals(r);
                });
        qt().withExamples(EXAMPLES).forAll(Gens.engagements())
                .check(e -> json.readRequest(json.writeRequest(e)).equals(e)
                        && json.readDecision(write.apply(POLICY.decide(e))).equals(POLICY.decide(e)));
    }

    static <T> List<T> append(List<T> list, T item) {
        List<T> out = new ArrayList<>(list);
        out.add(item);
        return out;
    }
}
