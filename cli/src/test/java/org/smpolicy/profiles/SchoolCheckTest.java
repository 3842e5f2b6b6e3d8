package org.smpolicy.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.smpolicy.SchoolCheck;
import org.smpolicy.profile.SchoolProfile;

/** The check of a school profile is a library call; {@code smpolicy check} only prints its report. */
class SchoolCheckTest {

    @Test
    void aSchoolThatPassesHasACleanReportWithItsImpact() {
        SchoolProfile merriott = SchoolProfile.load(Profiles.MERRIOTT);
        SchoolCheck.Report r = SchoolCheck.validate(merriott, Profiles.CLOCK, getClass().getClassLoader(), 300, 7L, false);
        assertThat(r.clean()).as(r.lines().toString()).isTrue();
        assertThat(r.invariantsChecked()).isTrue();
        assertThat(r.profile()).isEqualTo("Merriott Primary School");
        assertThat(r.impact()).isPresent();
        assertThat(r.impact().get().compared()).isEqualTo(300 + r.aimed());
        assertThat(r.rules()).isGreaterThan(90);
    }

    @Test
    void theSameCheckGivesTheSameReport() {
        SchoolProfile haselbury = SchoolProfile.load(Profiles.HASELBURY);
        Clock clock = Profiles.CLOCK;
        SchoolCheck.Report a = SchoolCheck.validate(haselbury, clock, getClass().getClassLoader(), 200, 11L, false);
        SchoolCheck.Report b = SchoolCheck.validate(haselbury, clock, getClass().getClassLoader(), 200, 11L, false);
        assertThat(a).isEqualTo(b);
        assertThat(a.impact().get().compared() - a.impact().get().unchanged()).as("Haselbury switches the tone advice off").isPositive();
    }
}
