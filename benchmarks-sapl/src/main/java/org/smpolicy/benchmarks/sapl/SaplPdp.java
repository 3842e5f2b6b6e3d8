package org.smpolicy.benchmarks.sapl;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sapl.api.pdp.AuthorizationDecision;
import io.sapl.api.pdp.AuthorizationSubscription;
import io.sapl.api.pdp.Decision;
import io.sapl.interpreter.InitializationException;
import io.sapl.interpreter.combinators.PolicyDocumentCombiningAlgorithm;
import io.sapl.pdp.EmbeddedPolicyDecisionPoint;
import io.sapl.pdp.PolicyDecisionPointFactory;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The two headline rules in SAPL, with its embedded PDP as its documentation recommends: policies
 * in the SAPL language, a fixed in-memory PDP built once with deny-overrides, and an
 * {@link AuthorizationSubscription} (subject, action, resource) per decision, answered by the
 * first decision of the PDP's stream. SAPL also returns obligations: each deny names its clause.
 * Only JDK types cross the class-loader boundary: a map in, the clause (or null) out.
 */
public final class SaplPdp implements Function<Map<String, Object>, String>, AutoCloseable {

    static final String STUDENT_IMAGE = """
            policy "publish.student-image-personal-account"
            deny
              action == "publish"
            where
              resource.accountType == "PERSONAL";
              resource.showsStudent == true;
            obligation { "clause": "11.b" }
            """;

    static final String UNDER_18 = """
            policy "engagement.personal-account-student-under-18"
            deny
              action == "engage"
            where
              resource.accountType == "PERSONAL";
              resource.targetIsStudent == true;
              resource.targetRole == "STUDENT" || resource.targetAgeStatus != "ADULT";
            obligation { "clause": "12.b.i" }
            """;

    static final String DEFAULT = """
            policy "default"
            permit
            """;

    private final EmbeddedPolicyDecisionPoint pdp;
    private final ObjectMapper mapper = new ObjectMapper();

    public SaplPdp() throws InitializationException {
        pdp = PolicyDecisionPointFactory.fixedInRamPolicyDecisionPoint(List.of(STUDENT_IMAGE, UNDER_18, DEFAULT),
                PolicyDocumentCombiningAlgorithm.DENY_OVERRIDES, Map.of());
    }

    /**
     * @param request {@code action} ("publish" or "engage") and {@code resource} (a map of plain values)
     * @return the clause of the deny's obligation, or null when permitted
     */
    @Override
    public String apply(Map<String, Object> request) {
        AuthorizationDecision d = pdp.decideOnce(AuthorizationSubscription.of("staff", request.get("action"),
                mapper.valueToTree(request.get("resource")))).block();
        if (d == null || d.getDecision() != Decision.DENY) {
            return null;
        }
        return d.getObligations().map(o -> o.get(0).get("clause").asText()).orElse("?");
    }

    @Override
    public void close() {
        pdp.destroy();
    }
}
