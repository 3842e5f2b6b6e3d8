package org.smpolicy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.smpolicy.decision.Decision;
import org.smpolicy.diagnostic.InvalidRequestException;
import org.smpolicy.json.JsonCodec;
import org.smpolicy.model.PolicyRequest;
import org.smpolicy.rules.FederationInvariants;
import org.smpolicy.rules.Policies;

/**
 * Deciding a request again at a later instant with only the rules that read the instant
 * ({@link TimeRules}), the other rules' results taken from the decision now, gives what deciding
 * it again in full gives: on requests of every type, with their dates moved around the decision
 * instant, at every instant {@code validUntil} tries.
 */
class LaterInstantsTest {

    static final SocialMediaPolicy POLICY = Policies.baseline();
    static final JsonCodec JSON = JsonCodec.strict();
    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    static final int REQUESTS = Integer.getInteger("smpolicy.examples", 10_000);
    static final java.util.regex.Pattern RULE = java.util.regex.Pattern.compile("(?ms)^rule\\s+\"([^\"]+)\"(.*?)^end\\b");

    static RuleBase base;
    static List<PolicyRequest> corpus;

    @BeforeAll
    static void setUp() throws IOException {
        base = POLICY.engine().current();
        // The rules are set apart after a number of re-decisions asked for them.
        for (int i = 0; i <= TimeRules.SET_APART_AFTER && base.later().isEmpty(); i++) {
            assertThat(i).isLessThan(TimeRules.SET_APART_AFTER);
        }
        assertThat(base.later()).isPresent();
        corpus = corpus(REQUESTS, new Random(20261207L));
    }

    /** The sample and scenario requests (every type), and generated ones, each with its dates moved to near the decision instant. */
    static List<PolicyRequest> corpus(int n, Random random) throws IOException {
        List<JsonNode> seeds = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("../examples/requests"))) {
            for (Path f : files.sorted().toList()) {
                seeds.add(JSON.requestTree(JSON.readRequest(Files.readString(f))));
            }
        }
        try (Stream<Path> files = Files.walk(Path.of("src/test/resources/scenarios"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                for (JsonNode s : new com.fasterxml.jackson.databind.ObjectMapper().readTree(f.toFile()).path("scenarios")) {
                    if (s.has("request")) {
                        seeds.add(s.get("request"));
                    }
                }
            }
        }
        Set<String> types = new HashSet<>();
        List<PolicyRequest> out = new ArrayList<>();
        while (out.size() < n) {
            JsonNode tree = random.nextInt(3) == 0 ? JSON.requestTree(FederationInvariants.request(random))
                    : seeds.get(random.nextInt(seeds.size()));
            tree = tree.deepCopy();
            moveDates(tree, random);
            try {
                PolicyRequest r = JSON.readRequest(tree.toString());
                POLICY.decide(r, NOW);
                out.add(r);
                types.add(r.type());
            } catch (InvalidRequestException e) {
                // a moved date the request does not allow (a birth date after today, say): not this test's business
            }
        }
        assertThat(types).as("every request type").hasSize(PolicyRequest.class.getPermittedSubclasses().length);
        return out;
    }

    private static void moveDates(JsonNode node, Random random) {
        if (node instanceof ObjectNode o) {
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode v = e.getValue();
                if (v.isTextual() && v.asText().matches("\\d{4}-\\d{2}-\\d{2}") && random.nextInt(4) != 0) {
                    LocalDate d = name(e.getKey()).equals("dateofbirth")
                            ? LocalDate.of(2008, 11, 1).plusDays(random.nextInt(5000))
                            : LocalDate.of(2026, 11, 25).plusDays(random.nextInt(800) - 200);
                    e.setValue(TextNode.valueOf(d.toString()));
                } else if (v.isTextual() && v.asText().matches("\\d{4}-\\d{2}-\\d{2}T.*") && random.nextInt(4) != 0) {
                    e.setValue(TextNode.valueOf(OffsetDateTime.of(2026, 11, 25, 10, 0, 0, 0, ZoneOffset.UTC)
                            .minusMinutes(random.nextInt(60 * 24 * 30)).toString()));
                } else {
                    moveDates(v, random);
                }
            }
        } else if (node != null && node.isArray()) {
            node.forEach(item -> moveDates(item, random));
        }
    }

    private static String name(String field) {
        return field.toLowerCase(java.util.Locale.ROOT);
    }

    /** How many later instants were decided, and how many of them differed from the shared decision. */
    record Compared(int instants, int timeChanged, int mismatched) {
    }

    static Compared compare(RuleBase.Later split) {
        return compare(base, split);
    }

    static Compared compare(RuleBase base, RuleBase.Later split) {
        int[] counts = new int[3];
        Random random = new Random(7);
        for (PolicyRequest r : corpus) {
            Decision now = Evaluation.evaluate(base, r, NOW, null);
            java.util.function.Consumer<Instant> check = later -> {
                Decision full = Evaluation.evaluate(base, r, later, null);
                Decision shared = Evaluation.later(split, r, now, later, null);
                counts[0]++;
                if (!full.sameAs(later, now, NOW)) {
                    counts[1]++;
                }
                if (!(full.outcome() == shared.outcome() && full.findings().equals(shared.findings())
                        && full.obligations().equals(shared.obligations()))) {
                    counts[2]++;
                }
            };
            // Every instant validUntil would try (each answered "no change", so that it goes on to the next),
            // and two more anywhere in the next three years.
            Validity.change(r, now, NOW, base.calendar().zone(), later -> {
                check.accept(later);
                return now;
            });
            for (int i = 0; i < 2; i++) {
                check.accept(NOW.plusSeconds(1 + random.nextInt(3 * 366 * 24 * 3600)));
            }
        }
        return new Compared(counts[0], counts[1], counts[2]);
    }

    @Test
    void laterDecisionsOfOnlyTheRulesThatReadTheInstantAreTheFullDecisions() {
        Compared c = compare(base.later().orElseThrow());
        // Enough later instants, and enough of them where time changes the decision, to mean something.
        assertThat(c.instants()).isGreaterThan(2 * REQUESTS);
        System.out.println("later instants decided: " + c);
        assertThat(c.timeChanged()).isGreaterThan(c.instants() / 50);
        assertThat(c.mismatched()).isZero();
    }

    /** The broken control: a split that leaves out one rule that reads the instant is caught. */
    @Test
    void aSplitMissingOneRuleThatReadsTheInstantIsCaught() {
        RuleBase.Later right = base.later().orElseThrow();
        for (String missing : List.of("publish.consent-refused", "engagement.personal-account-student-under-18",
                "publish.consent-not-covering")) {
            assertThat(right.rules()).contains(missing);
            KieBase copy = KieServices.get().getKieClasspathContainer(getClass().getClassLoader())
                    .newKieBase(POLICY.engine().catalogue().kieBase(), null);
            Set<String> kept = new HashSet<>(right.rules());
            kept.remove(missing);
            for (KiePackage p : base.kieBase().getKiePackages()) {
                for (Rule rule : p.getRules()) {
                    if (!kept.contains(rule.getName())) {
                        copy.removeRule(p.getName(), rule.getName());
                    }
                }
            }
            RuleBase.Later wrong = new RuleBase.Later(new RuleBase(copy, new SessionPools(copy), Map.of(), Map.of(), base.calendar(), base.parameters(),
                    base.version(), base.profile()), kept);
            assertThat(compare(wrong).mismatched()).as("without %s", missing).isPositive();
        }
    }

    /** Rule bases split once past the threshold of re-decisions; the comparisons need theirs now. */
    static RuleBase.Later splitNow(RuleBase b) {
        for (int i = 0; i <= TimeRules.SET_APART_AFTER && b.later().isEmpty(); i++) {
            assertThat(i).isLessThan(TimeRules.SET_APART_AFTER);
        }
        return b.later().orElseThrow();
    }

    /**
     * A profile's calendar (closure days), parameters (a link deny list) and disabled rules reach
     * the later decisions too: Haselbury's profile, and the same with one of the rules that read the
     * instant disabled.
     */
    @Test
    void profilesWithoutOverlayRulesDecideLaterInstantsAsInFull(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        RuleBase haselbury = SocialMediaPolicy.builder().profile(Path.of("../examples/schools/haselbury")).build().engine().current();
        assertThat(compare(haselbury, splitNow(haselbury)).mismatched()).isZero();
        String profile = Files.readString(Path.of("../examples/schools/haselbury/profile.json")).replace("\"disable\": [",
                "\"disable\": [ { \"rule\": \"publish.delete-compromising-image\", \"reason\": \"a test of later instants\" },")
                .replace("\"relaxations\": []",
                        "\"relaxations\": [ { \"of\": \"publish.delete-compromising-image\", \"reason\": \"a test of later instants\" } ]");
        Files.writeString(dir.resolve("profile.json"), profile);
        RuleBase disabling = SocialMediaPolicy.builder().profile(dir).build().engine().current();
        assertThat(disabling.disabled()).contains("publish.delete-compromising-image");
        RuleBase.Later split = splitNow(disabling);
        assertThat(split.base().disabled()).isEqualTo(disabling.disabled());
        assertThat(compare(disabling, split).mismatched()).isZero();
    }

    /**
     * Every rule base on the baseline's compiled rules shares its session pools: reloads, and the
     * load check each runs, leave no sessions behind on the JVM-wide rule base.
     */
    @Test
    void reloadsLeaveNoSessionsBehind() {
        SocialMediaPolicy policy = SocialMediaPolicy.builder().profile(Path.of("../examples/schools/haselbury")).build();
        KieBase shared = policy.engine().current().kieBase();
        Runnable decideEveryKind = () -> corpus.stream().limit(200).forEach(policy::decide);
        decideEveryKind.run();
        int sessions = shared.getKieSessions().size();
        for (int i = 0; i < 5; i++) {
            policy.reload(Path.of("../examples/schools/haselbury"));
            decideEveryKind.run();
        }
        assertThat(shared.getKieSessions()).hasSize(sessions);
    }

    /** A school's overlay rules are the school's code: its rule base decides later instants in full; a profile without overlay rules shares. */
    @Test
    void onlyRuleBasesWithoutOverlayRulesSetTheRulesApart() {
        RuleBase overlay = SocialMediaPolicy.builder().profile(Path.of("../examples/schools/merriott")).build().engine().current();
        RuleBase plain = SocialMediaPolicy.builder().profile(Path.of("../examples/schools/haselbury")).build().engine().current();
        assertThat(overlay.guard()).isPresent();
        assertThat(plain.guard()).isEmpty();
        for (int i = 0; i <= TimeRules.SET_APART_AFTER; i++) {
            overlay.later();
            plain.later();
        }
        assertThat(overlay.later()).isEmpty();
        assertThat(plain.later()).isPresent();
        assertThat(plain.later().orElseThrow().base().disabled()).isEqualTo(plain.disabled());
    }

    /**
     * The rules set apart are those whose DRL names the decision context or uses {@code eval}: an
     * oracle from the rule text, against the one from the compiled rule.
     */
    @Test
    void theRulesSetApartAreThoseWhoseTextReadsTheDecisionContext() throws IOException {
        Map<String, Boolean> byText = new TreeMap<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".drl")).toList()) {
                Matcher m = RULE.matcher(Files.readString(f));
                while (m.find()) {
                    byText.put(m.group(1), m.group(2).contains("DecisionContext") || m.group(2).matches("(?s).*\\beval\\s*\\(.*"));
                }
            }
        }
        Map<String, Boolean> byRule = new TreeMap<>();
        base.kieBase().getKiePackages().forEach(p -> p.getRules().forEach(r -> byRule.put(r.getName(), TimeRules.readsInstant(r))));
        assertThat(byRule).isEqualTo(byText);
        // Cutting a copy down left the JVM-wide rule base whole, and every rule fires on its own matches alone.
        assertThat(byRule).hasSize(byText.size());
        base.kieBase().getKiePackages().forEach(p -> p.getRules().forEach(r -> assertThat(TimeRules.independent(r)).as(r.getName()).isTrue()));
        assertThat(byRule.values()).contains(true, false);
        assertThat(base.later().orElseThrow().rules()).isEqualTo(byRule.entrySet().stream().filter(Map.Entry::getValue)
                .map(Map.Entry::getKey).collect(java.util.stream.Collectors.toSet()));
    }
}
