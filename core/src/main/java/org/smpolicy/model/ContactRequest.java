package org.smpolicy.model;

/**
 * May this member of staff contact a member of the Federation community this way (7.h, 7.i)?
 * JSON type {@code contact}.
 *
 * @param channel            how they would make contact; required
 * @param recipientRole      who they would contact; required
 * @param federationBusiness whether it is about Federation business; contact with a student always is
 */
public record ContactRequest(ContactChannel channel, PersonRole recipientRole, Answer federationBusiness)
        implements PolicyRequest {

    /** JSON type name. */
    public static final String TYPE = "contact";

    /** Validates. */
    public ContactRequest {
        Require.present(channel, "channel");
        Require.present(recipientRole, "recipientRole");
        federationBusiness = Require.answer(federationBusiness);
    }

    @Override
    public String type() {
        return TYPE;
    }
}
