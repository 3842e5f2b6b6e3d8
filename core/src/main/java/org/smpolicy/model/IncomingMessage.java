package org.smpolicy.model;

import java.time.OffsetDateTime;
import java.util.Set;

/**
 * A comment, query, complaint or message that arrived on an account: what is owed, by whom and
 * by when? JSON type {@code incoming-message}.
 *
 * @param ref        an identifier for messages
 * @param account    the account it arrived on; required
 * @param kind       what it is; required
 * @param senderRole who sent it; required
 * @param receivedAt when it arrived, with its offset; required
 * @param concerns   what a person judged to be wrong with it
 * @param senderAgeStatus whether the sender is under 18 ({@code UNKNOWN} when absent), for former pupils
 */
public record IncomingMessage(String ref, Account account, MessageKind kind, PersonRole senderRole,
                              OffsetDateTime receivedAt, Set<Concern> concerns,
                              StudentAgeStatus senderAgeStatus) implements PolicyRequest {

    /** JSON type name. */
    public static final String TYPE = "incoming-message";

    /** Validates. */
    public IncomingMessage {
        ref = Require.optionalId(ref, "ref");
        Require.present(account, "account");
        Require.present(kind, "kind");
        Require.present(senderRole, "senderRole");
        Require.present(receivedAt, "receivedAt");
        concerns = Require.enums(concerns, Concern.class, "concerns");
        senderAgeStatus = Require.or(senderAgeStatus, StudentAgeStatus.UNKNOWN);
    }

    /** A message whose sender's age is not known. */
    public IncomingMessage(String ref, Account account, MessageKind kind, PersonRole senderRole,
                           OffsetDateTime receivedAt, Set<Concern> concerns) {
        this(ref, account, kind, senderRole, receivedAt, concerns, StudentAgeStatus.UNKNOWN);
    }

    /**
     * @return whether the sender is a pupil: a current pupil, or a former pupil not known to be an adult (12.b.iii)
     */
    public boolean fromPupil() {
        return senderRole.pupil(senderAgeStatus);
    }

    /**
     * @param concern a concern
     * @return whether the message raises it
     */
    public boolean has(Concern concern) {
        return concerns.contains(concern);
    }

    @Override
    public String type() {
        return TYPE;
    }
}
