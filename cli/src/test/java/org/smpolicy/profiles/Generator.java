package org.smpolicy.profiles;

import java.util.Random;
import org.smpolicy.model.PolicyRequest;

/** Generated requests for profile tests: the same generator `smpolicy check` uses. */
final class Generator {

    private Generator() {
    }

    static PolicyRequest request(Random random) {
        return org.smpolicy.rules.FederationInvariants.request(random);
    }
}
