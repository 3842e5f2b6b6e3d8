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
    void anExpectedQuestionCanNameItsAlternatives() {
        List<Scenario> s = ScenarioFile.parse(file("{\"id\":\"a\",\"description\":\"d\",\"request\":" + CONTACT
                + ",\"expect\":{\"outcome\":\"REVIEW\",\"questions\":[{\"path\":\"$.a\",\"answer\":false,\"alternatives\":[\"$.b\"]}]}}"), "f.json");
        Scenario.ExpectedQuestion q = s.get(0).expect().questions().get(0);
        assertThat(q.alternatives()).containsExactly("$.b");
        org.smpolicy.decision.Question b = new org.smpolicy.decision.Question("$.b", "b()", "b?", org.smpolicy.model.Answer.YES, false);
        assertThat(q.matches(new org.smpolicy.decision.Question("$.a", "a()", "a?", org.smpolicy.model.Answer.NO, false, List.of(b)))).isTrue();
        assertThat(q.matches(new org.smpolicy.decision.Question("$.a", "a()", "a?", org.smpolicy.model.Answer.NO, false))).isFalse();
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

    static final String ITEM = "{\"id\":\"p1\",\"publishedAt\":\"2026-11-20T10:00:00Z\",\"request\":{\"type\":\"publish\","
            + "\"account\":{\"id\":\"fb\",\"type\":\"FEDERATION\",\"sltApproved\":true},\"post\":{\"id\":\"p\"}}}";

    @Test
    void readsAReCheckScenarioAndItsReportedItems() {
        Scenario sc = ScenarioFile.parse(file("{\"id\":\"r\",\"recheck\":{\"published\":[" + ITEM + "],\"changes\":["
                + "{\"change\":\"RUNNER_LEFT\",\"ref\":\"staff-1\",\"from\":\"2026-11-20\"}]},"
                + "\"expect\":{\"reported\":[{\"id\":\"p1\",\"outcome\":\"DENY\",\"duties\":[{\"action\":\"TAKE_DOWN\",\"owner\":\"ACCOUNT_RUNNERS\"}]}]}}"),
                "f.json").get(0);
        assertThat(sc.request()).isNull();
        assertThat(sc.recheck().published()).singleElement().extracting(org.smpolicy.recheck.Published::id).isEqualTo("p1");
        assertThat(sc.recheck().changes()).hasSize(1);
        assertThat(sc.expect().reported()).singleElement().satisfies(i -> {
            assertThat(i.outcome()).hasValue(Outcome.DENY);
            assertThat(i.duties().get(0).owner()).hasValue(Role.ACCOUNT_RUNNERS);
        });
    }

    @Test
    void aReCheckScenarioIsAsStrictAsARequest() {
        assertThatThrownBy(() -> ScenarioFile.parse(file("{\"id\":\"r\",\"request\":" + CONTACT + ",\"recheck\":{\"published\":[],\"changes\":[]},"
                + "\"expect\":{\"reported\":[]}}"), "f.json")).hasMessage("f.json:1: $.scenarios[0].recheck: a scenario has a `request` or a `recheck`, not both");
        assertThatThrownBy(() -> ScenarioFile.parse(file("{\"id\":\"r\",\"recheck\":{\"published\":[],\"changes\":[{\"change\":\"RUNNER_LEFT\"}]},"
                + "\"expect\":{\"reported\":[]}}"), "f.json")).hasMessageStartingWith("f.json:1: $.scenarios[0].recheck.changes[0].ref: missing required field `ref`");
        assertThatThrownBy(() -> ScenarioFile.parse(file("{\"id\":\"r\",\"recheck\":{\"published\":[],\"changes\":[]},"
                + "\"expect\":{\"outcome\":\"DENY\"}}"), "f.json")).hasMessageStartingWith("f.json:1: $.scenarios[0].expect: unknown field `outcome`; known fields: reported");
    }
}
