package org.smpolicy.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smpolicy.decision.Outcome;
import org.smpolicy.model.ContactRequest;
import org.smpolicy.model.Role;

class ScenarioFileTest {

    static final String CONTACT = "{\"type\":\"contact\",\"channel\":\"PERSONAL_MOBILE\",\"recipientRole\":\"PARENT\"}";

    static String file(String scenario) {
        return "{\"scenarioVersion\":1,\"scenarios\":[" + scenario + "]}";
    }

    @Test
    void readsAScenarioWithEveryExpectation() {
        List<Scenario> s = ScenarioFile.parse(file("{\"id\":\"a\",\"description\":\"d\",\"now\":\"2026-11-28T10:00:00Z\","
                + "\"request\":" + CONTACT + ",\"expect\":{\"outcome\":\"DENY\",\"clauses\":[\"7.i\"],\"rules\":[\"r\"],"
                + "\"absentClauses\":[\"6\"],\"obligations\":[{\"clause\":\"6\",\"owner\":\"SLT\",\"due\":\"2026-11-30T17:00:00Z\"}]}}"), "f.json");
        Scenario sc = s.get(0);
        assertThat(sc.displayName()).isEqualTo("a: d");
        assertThat(sc.now()).isEqualTo(Instant.parse("2026-11-28T10:00:00Z"));
        assertThat(sc.request()).isInstanceOf(ContactRequest.class);
        assertThat(sc.expect().outcome()).hasValue(Outcome.DENY);
        assertThat(sc.expect().obligations().get(0).owner()).hasValue(Role.SLT);
    }

    @Test
    void defaultNowIsTheDocumentedInstant() {
        Scenario sc = ScenarioFile.parse(file("{\"id\":\"a\",\"request\":" + CONTACT + ",\"expect\":{}}"), "f.json").get(0);
        assertThat(sc.now()).isEqualTo(Scenario.DEFAULT_NOW);
    }

    @Test
    void unknownFieldsAreRejectedWithFileAndPath() {
        assertThatThrownBy(() -> ScenarioFile.parse(file("{\"id\":\"a\",\"request\":" + CONTACT + ",\"expect\":{\"outcom\":\"DENY\"}}"), "f.json"))
                .isInstanceOf(ScenarioException.class)
                .hasMessage("f.json:1: $.scenarios[0].expect: unknown field `outcom`; known fields: outcome, clauses, rules, absentClauses, obligations, questions, outcomeIfConfirmed");
    }

    @Test
    void otherVersionsAreRejected() {
        assertThatThrownBy(() -> ScenarioFile.parse("{\"scenarioVersion\":2,\"scenarios\":[]}", "f.json"))
                .hasMessageContaining("f.json:1: $.scenarioVersion: expected 1, found 2");
    }

    @Test
    void invalidRequestNamesThePathInsideTheScenario() {
        // the line comes from the parser: the channel key stands on line 6 of the file
        assertThatThrownBy(() -> ScenarioFile.parse("{\"scenarioVersion\": 1, \"scenarios\": [\n"
                + "  {\"id\": \"a\", \"request\": " + CONTACT + ", \"expect\": {}},\n"
                + "  {\"id\": \"b\",\n"
                + "   \"request\": {\n"
                + "     \"type\": \"contact\",\n"
                + "     \"channel\": \"FAX\",\n"
                + "     \"recipientRole\": \"PARENT\"},\n"
                + "   \"expect\": {}}]}", "f.json"))
                .hasMessageStartingWith("f.json:6: $.scenarios[1].request.channel: unknown value `FAX`");
    }

    @Test
    void duplicateIdsAndBadOutcomesAreRejected() {
        String a = "{\"id\":\"a\",\"request\":" + CONTACT + ",\"expect\":{}}";
        assertThatThrownBy(() -> ScenarioFile.parse(file(a + "," + a), "f.json")).hasMessageContaining("duplicate scenario id `a`");
        assertThatThrownBy(() -> ScenarioFile.parse(file("{\"id\":\"a\",\"request\":" + CONTACT + ",\"expect\":{\"outcome\":\"MAYBE\"}}"), "f.json"))
                .hasMessageContaining("$.scenarios[0].expect.outcome: unknown value `MAYBE`");
    }
}
