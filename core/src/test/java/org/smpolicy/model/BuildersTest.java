package org.smpolicy.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.smpolicy.diagnostic.InvalidRequestException;
import org.smpolicy.json.JsonCodec;

/**
 * The builders read as the policy does and build exactly what the JSON reader builds: a field left
 * unset takes the default a missing JSON field takes, and validation is the constructor's.
 */
class BuildersTest {

    static final JsonCodec JSON = JsonCodec.strict();

    @Test
    void aPublishRequestBuiltByNameIsTheOneReadFromJson() {
        PublishRequest read = (PublishRequest) JSON.readRequest("""
                {"type": "publish",
                 "account": {"id": "staff-42-instagram", "type": "PERSONAL"},
                 "post": {"id": "post-1", "text": "Sports day!", "author": "Mr T", "namesFederation": true,
                          "affectsFederation": true, "flags": ["CONTROVERSIAL"]},
                 "images": [{"id": "img-1", "showsStudents": true,
                             "people": [{"ref": "pupil-1001", "role": "STUDENT"}]}]}
                """);
        PublishRequest built = PublishRequest.builder()
                .account(Account.builder().id("staff-42-instagram").type(AccountType.PERSONAL).build())
                .post(Post.builder().id("post-1").text("Sports day!").author("Mr T").namesFederation(true)
                        .affectsFederation(true).flags(ContentFlag.CONTROVERSIAL).build())
                .images(Image.builder().id("img-1").showsStudents(true)
                        .people(DepictedPerson.builder().ref("pupil-1001").role(PersonRole.STUDENT).build()).build())
                .build();
        assertThat(built).isEqualTo(read);
        // What was left unset is unknown, as a missing field is: never the harmless answer.
        assertThat(built.post().seniorLeaderApproved()).isEqualTo(Answer.UNKNOWN);
        assertThat(built.images().get(0).peopleComplete()).isEqualTo(Answer.UNKNOWN);
        assertThat(built.actor()).isEqualTo(Actor.unknown());
    }

    @Test
    void anEngagementBuiltByNameIsTheOneReadFromJson() {
        EngagementRequest read = (EngagementRequest) JSON.readRequest("""
                {"type": "engagement", "account": {"id": "a", "type": "PERSONAL"}, "action": "FOLLOW",
                 "target": {"ref": "p-1", "role": "FORMER_STUDENT", "ageStatus": "UNDER_18"}}
                """);
        EngagementRequest built = EngagementRequest.builder().account(Account.builder().id("a").type(AccountType.PERSONAL).build())
                .action(EngagementAction.FOLLOW)
                .target(Person.builder().ref("p-1").role(PersonRole.FORMER_STUDENT).ageStatus(StudentAgeStatus.UNDER_18).build())
                .build();
        assertThat(built).isEqualTo(read);
    }

    @Test
    void aYesOrNoIsABooleanAndListsTakeTheirElements() {
        Post post = Post.builder().id("p").seniorLeaderApproved(false).flags(ContentFlag.CONFIDENTIAL, ContentFlag.OFFENSIVE).build();
        assertThat(post.seniorLeaderApproved()).isEqualTo(Answer.NO);
        assertThat(post.flags()).isEqualTo(Set.of(ContentFlag.CONFIDENTIAL, ContentFlag.OFFENSIVE));
        assertThat(Image.builder().id("i").people(List.of()).build().people()).isEmpty();
    }

    @Test
    void aMissingRequiredFieldIsTheSameErrorAsInJson() {
        assertThatThrownBy(() -> Post.builder().text("no id").build()).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("id");
        assertThatThrownBy(() -> PublishRequest.builder().post(Post.builder().id("p").build()).build())
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("account");
    }
}
