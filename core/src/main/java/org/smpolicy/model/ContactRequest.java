package org.smpolicy.model;

/**
 * May this member of staff contact a member of the Federation community this way (7.h, 7.i)?
 * JSON type {@code contact}.
 *
 * @param channel            how they would make contact; required
 * @param recipientRole      who they would contact; required
 * @param federationBusiness whether it is about Federation business; contact with a student always is
 * @param recipientAgeStatus whether the recipient is under 18 ({@code UNKNOWN} when absent), for former pupils
 * @param actor              who would make contact; unknown when absent
 */
public record ContactRequest(ContactChannel channel, PersonRole recipientRole, Answer federationBusiness,
                             StudentAgeStatus recipientAgeStatus, Actor actor)
        implements PolicyRequest {

    /** JSON type name. */
    public static final String TYPE = "contact";

    /** Validates. */
    public ContactRequest {
        Require.present(channel, "channel");
        Require.present(recipientRole, "recipientRole");
        federationBusiness = Require.answer(federationBusiness);
        recipientAgeStatus = Require.or(recipientAgeStatus, StudentAgeStatus.UNKNOWN);
        actor = Require.or(actor, Actor.unknown());
    }

    /** A contact with a recipient of unknown age, by someone not described. */
    public ContactRequest(ContactChannel channel, PersonRole recipientRole, Answer federationBusiness) {
        this(channel, recipientRole, federationBusiness, StudentAgeStatus.UNKNOWN, Actor.unknown());
    }

    /** @return whether the recipient is a pupil: a current pupil, or a former pupil not known to be an adult (12.b.i) */
    public boolean toPupil() {
        return recipientRole.pupil(recipientAgeStatus);
    }

    @Override
    public String type() {
        return TYPE;
    }
}
