package org.smpolicy.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.drools.model.codegen.ExecutableModelProject;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieSession;
import org.smpolicy.SocialMediaPolicy;
import org.smpolicy.decision.Decision;
import org.smpolicy.decision.Finding;
import org.smpolicy.drl.DecisionContext;
import org.smpolicy.drl.Parameters;
import org.smpolicy.model.PolicyRequest;
import org.smpolicy.profile.SchoolProfile;

/**
 * The per-school rule base (prebuilt baseline kjar plus the overlay compiled at run time and
 * added) against a reference built from source in one go: all baseline DRL and the overlay,
 * compiled together. Mixing compilation models silently breaks joins; this catches it.
 */
class DifferentialTest {

    static final List<String> BASELINE_DRL = List.of(
            "publish/images.drl", "publish/text.drl", "publish/links.drl", "publish/material.drl", "publish/personal.drl",
            "publish/scope.drl", "publish/advice.drl", "engagement/students.drl", "engagement/posts.drl", "contact/channels.drl",
            "responses/monitoring.drl", "responses/conduct.drl", "incidents/incidents.drl", "accounts/applications.drl",
            "lifecycle/departures.drl");

    static KieBase reference(SchoolProfile profile) throws IOException {
        KieServices ks = KieServices.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        ReleaseId id = ks.newReleaseId("org.smpolicy.test", "reference", "1.0");
        kfs.generateAndWritePomXML(id);
        for (String drl : BASELINE_DRL) {
            try (InputStream in = DifferentialTest.class.getResourceAsStream("/org/smpolicy/rules/" + drl)) {
                assertThat(in).as(drl).isNotNull();
                kfs.write("src/main/resources/org/smpolicy/rules/" + drl, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        for (SchoolProfile.OverlayFile f : profile.overlays()) {
            kfs.write("src/main/resources/org/school/" + f.path().getFileName(), Files.readString(f.path()));
        }
        KieBuilder kb = ks.newKieBuilder(kfs).buildAll(ExecutableModelProject.class);
        assertThat(kb.getResults().getMessages(Message.Level.ERROR)).isEmpty();
        return ks.newKieContainer(id).getKieBase();
    }

    static Set<String> rulesFired(KieBase base, PolicyRequest request, DecisionContext ctx) {
        KieSession s = base.newKieSession();
        try {
            s.insert(ctx);
            request.facts().forEach(s::insert);
            s.fireAllRules();
            Set<String> out = new HashSet<>();
            for (Object o : s.getObjects()) {
                if (o instanceof Finding f) {
                    out.add(f.rule() + "|" + f.message());
                } else if (o instanceof org.smpolicy.decision.Obligation ob) {
                    out.add(ob.rule() + "|" + ob.action() + "|" + ob.due());
                }
            }
            return out;
        } finally {
            s.dispose();
        }
    }

    @Test
    void merriottRuleBaseMatchesAReferenceBuiltFromSource() throws Exception {
        SchoolProfile profile = SchoolProfile.load(Profiles.MERRIOTT);
        SocialMediaPolicy school = Profiles.policy(Profiles.MERRIOTT);
        KieBase reference = reference(profile);
        DecisionContext ctx = new DecisionContext(Profiles.NOW, school.calendar().localDate(Profiles.NOW), school.calendar(),
                new Parameters(profile.responseWindow(), profile.linkAllowList(), profile.linkDenyList(), profile.responseWorkingDays()));
        Random random = new Random(7);
        List<String> mismatches = new ArrayList<>();
        int withOverlay = 0;
        for (int i = 0; i < 500; i++) {
            PolicyRequest request = Generator.request(random);
            Decision d = school.decide(request);
            Set<String> actual = new HashSet<>();
            d.findings().forEach(f -> actual.add(f.rule() + "|" + f.message()));
            d.obligations().forEach(o -> actual.add(o.rule() + "|" + o.action() + "|" + o.due()));
            Set<String> expected = rulesFired(reference, request, ctx);
            if (!actual.equals(expected)) {
                mismatches.add(request + "\n  school:    " + actual + "\n  reference: " + expected);
            }
            if (d.findings().stream().anyMatch(f -> f.rule().startsWith("merriott."))) {
                withOverlay++;
            }
        }
        assertThat(mismatches).isEmpty();
        assertThat(withOverlay).as("requests on which the overlay rule fired").isPositive();
    }
}
