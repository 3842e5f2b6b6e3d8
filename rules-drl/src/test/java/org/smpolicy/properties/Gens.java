package org.smpolicy.properties;

import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.smpolicy.model.Account;
import org.smpolicy.model.AccountType;
import org.smpolicy.model.Answer;
import org.smpolicy.model.Channel;
import org.smpolicy.model.Consent;
import org.smpolicy.model.ConsentStatus;
import org.smpolicy.model.ContentFlag;
import org.smpolicy.model.DepictedPerson;
import org.smpolicy.model.EngagementAction;
import org.smpolicy.model.EngagementRequest;
import org.smpolicy.model.Image;
import org.smpolicy.model.Person;
import org.smpolicy.model.PersonRole;
import org.smpolicy.model.Post;
import org.smpolicy.model.PublishRequest;
import org.smpolicy.model.StudentAgeStatus;

/** QuickTheories generators for requests; they shrink towards the first enum values and short lists. */
final class Gens {

    private Gens() {
    }

    static Gen<Answer> answers() {
        return Generate.enumValues(Answer.class);
    }

    static Gen<Consent> consents() {
        return Generate.enumValues(ConsentStatus.class).zip(Generate.enumValues(Channel.class), booleans().all(),
                (status, channel, expired) -> status == ConsentStatus.GRANTED
                        ? new Consent(status, Set.of(channel), expired ? LocalDate.of(2026, 7, 31) : null, null)
                        : new Consent(status, Set.of(), null, null));
    }

    static Gen<DepictedPerson> people() {
        return Generate.enumValues(PersonRole.class).zip(consents(), booleans().all(), booleans().all(),
                (role, consent, list, asked) -> new DepictedPerson("p-" + role.ordinal(), role, consent, list, asked));
    }

    static Gen<Image> images() {
        return lists().of(people()).ofSizeBetween(0, 3).zip(answers(), answers(), answers(),
                (people, shows, dressed, ridicule) -> new Image("img", people, shows, dressed, ridicule, false, false));
    }

    static Gen<Account> accounts() {
        return Generate.enumValues(AccountType.class).zip(Generate.enumValues(Channel.class), answers(), booleans().all(),
                (type, channel, approved, names) -> new Account("acc", type, channel, approved, names, names, false));
    }

    static Gen<Post> posts() {
        Gen<Set<ContentFlag>> flags = Generate.pick(List.of(Set.<ContentFlag>of(), Set.of(ContentFlag.CONTROVERSIAL),
                Set.of(ContentFlag.PERSONAL_GAIN), Set.of(ContentFlag.DISREPUTE)));
        return booleans().all().zip(answers(), flags, answers(),
                (names, affects, f, approved) -> new Post("post", "text", "author", names, affects, false, false, f, approved));
    }

    static Gen<PublishRequest> publishRequests() {
        return accounts().zip(posts(), lists().of(images()).ofSizeBetween(0, 3),
                (account, post, images) -> new PublishRequest(account, post, images, List.of(), List.of()));
    }

    static Gen<EngagementRequest> engagements() {
        Gen<Person> targets = Generate.enumValues(PersonRole.class).zip(Generate.enumValues(StudentAgeStatus.class),
                Generate.pick(List.of(Set.<LocalDate>of(), Set.of(LocalDate.of(2008, 2, 29)), Set.of(LocalDate.of(2012, 5, 1)),
                        Set.of(LocalDate.of(1990, 1, 1)))),
                (role, age, dob) -> new Person("t", role, age, dob.isEmpty() ? null : dob.iterator().next()));
        return accounts().zip(Generate.enumValues(EngagementAction.class), targets,
                (account, action, target) -> new EngagementRequest(account, action, target, null));
    }
}
