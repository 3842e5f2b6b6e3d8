package org.smpolicy.model;

import java.util.List;

/**
 * A business case for a new Federation account (5), and its state. JSON type
 * {@code account-application}.
 *
 * @param ref                       an identifier for messages
 * @param aim                       the aim of the account (5.a.i)
 * @param audience                  the intended audience (5.a.ii)
 * @param promotion                 how it will be promoted (5.a.iii)
 * @param runners                   who will run it (5.a.iv: at least two)
 * @param visibility                open or closed (5.a.v)
 * @param sltDecision               the SLT's decision (5.b, 4.a.i.6)
 * @param created                   whether the account has already been created (4.a.ii.1)
 * @param credentialsStoredSecurely whether its credentials are stored securely (4.a.ii.2)
 */
public record AccountApplication(String ref, String aim, String audience, String promotion, List<Runner> runners,
                                 Visibility visibility, SltDecision sltDecision, boolean created,
                                 Answer credentialsStoredSecurely) implements PolicyRequest {

    /** JSON type name. */
    public static final String TYPE = "account-application";

    /** Validates. */
    public AccountApplication {
        ref = Require.optionalId(ref, "ref");
        aim = Require.text(aim, "aim", 10_000);
        audience = Require.text(audience, "audience", 10_000);
        promotion = Require.text(promotion, "promotion", 10_000);
        runners = Require.list(runners, "runners");
        visibility = Require.or(visibility, Visibility.NOT_STATED);
        sltDecision = Require.or(sltDecision, SltDecision.PENDING);
        credentialsStoredSecurely = Require.answer(credentialsStoredSecurely);
    }

    /**
     * @return the business-case points (5.a.i-iii) the application does not state: aim, audience, promotion
     */
    public List<String> missingBusinessCase() {
        List<String> missing = new java.util.ArrayList<>();
        if (!stated(aim)) {
            missing.add("aim");
        }
        if (!stated(audience)) {
            missing.add("audience");
        }
        if (!stated(promotion)) {
            missing.add("promotion");
        }
        return missing;
    }

    /**
     * The runners who count for 5.a.iv: distinct people (by reference) who may run a Federation
     * account ({@link Runner#mayRun()}: staff, volunteers, governors, parents). The same person named
     * twice, a pupil or a member of the public does not count. Whether each has read the policy and
     * been trained (5.b) is decided apart.
     *
     * @return how many distinct people who may run the account are named
     */
    public long eligibleRunners() {
        return runners.stream().filter(Runner::mayRun).map(Runner::ref).distinct().count();
    }

    /**
     * @param value a text field of the application
     * @return whether it says something
     */
    public static boolean stated(String value) {
        return value != null && !value.isBlank();
    }

    @Override
    public String type() {
        return TYPE;
    }
}
