package org.smpolicy.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.smpolicy.model.Account;
import org.smpolicy.model.AccountType;
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
 * The two headline rules every engine in the comparison implements, and the shared inputs:
 * 11.b (a student image on a personal account: DENY) and 12.b.i (a personal-account engagement
 * with a current or former student under 18 or of unknown age: DENY).
 */
public final class Headline {

    private Headline() {
    }

    /** @return whether 11.b denies the request */
    public static boolean studentImageOnPersonalAccount(PublishRequest r) {
        return r.account().type() == AccountType.PERSONAL && r.images().stream().anyMatch(i -> i.showsStudents() == Answer.YES);
    }

    /**
     * @return whether 12.b.i denies the request (by age status; the inputs carry no birth dates): a
     *         current pupil always, a former pupil unless known to be an adult
     */
    public static boolean personalEngagementWithMinor(EngagementRequest r) {
        return r.account().type() == AccountType.PERSONAL && r.target().student()
                && (r.target().role() == PersonRole.STUDENT || r.target().ageStatus() != StudentAgeStatus.ADULT);
    }

    static Account account(boolean personal, int i) {
        return personal ? new Account("staff-" + i, AccountType.PERSONAL, Channel.SOCIAL_MEDIA, Answer.UNKNOWN, false, true, false)
                : new Account("school-" + i, AccountType.FEDERATION, Channel.SOCIAL_MEDIA, Answer.YES, true, false, true);
    }

    /** A post with one consented, judged image showing a student or a member of staff. */
    public static PublishRequest publish(boolean personal, boolean student, int i) {
        Image img = new Image("img-" + i, List.of(new DepictedPerson("p-" + i, student ? PersonRole.STUDENT : PersonRole.STAFF,
                Consent.granted(Channel.SOCIAL_MEDIA), false, false)), null, Answer.YES, Answer.NO, false, false);
        Post post = new Post("post-" + i, "Sports day", "Office", false, Answer.NO, false, false, Set.of(), Answer.UNKNOWN);
        return new PublishRequest(account(personal, i), post, List.of(img), List.of(), List.of());
    }

    public static EngagementRequest engagement(boolean personal, PersonRole role, StudentAgeStatus age, int i) {
        return new EngagementRequest(account(personal, i), EngagementAction.FOLLOW, new Person("t-" + i, role, age, null), null);
    }

    /** @return n publish and n engagement inputs, seeded */
    public static List<Object> inputs(int n, long seed) {
        Random r = new Random(seed);
        PersonRole[] roles = {PersonRole.STUDENT, PersonRole.FORMER_STUDENT, PersonRole.PARENT, PersonRole.STAFF};
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(publish(r.nextBoolean(), r.nextBoolean(), i));
            out.add(engagement(r.nextBoolean(), roles[r.nextInt(roles.length)], StudentAgeStatus.values()[r.nextInt(3)], i));
        }
        return out;
    }
}
