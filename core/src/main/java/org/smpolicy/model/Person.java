package org.smpolicy.model;

import java.time.LocalDate;
import java.time.Month;
import java.time.Year;

/**
 * Someone a member of staff wants to engage with.
 *
 * @param ref         an opaque reference; never a name
 * @param role        who they are to the Federation; required
 * @param ageStatus   whether they are under 18, when the host does not pass a birth date
 * @param dateOfBirth their birth date, when the host passes one
 */
public record Person(String ref, PersonRole role, StudentAgeStatus ageStatus, LocalDate dateOfBirth) {

    /** Validates. */
    public Person {
        ref = Require.optionalId(ref, "ref");
        Require.present(role, "role");
        ageStatus = Require.or(ageStatus, StudentAgeStatus.UNKNOWN);
        if (dateOfBirth != null && dateOfBirth.getYear() < 1900) {
            throw new org.smpolicy.diagnostic.InvalidRequestException("$.dateOfBirth", "birth date `" + dateOfBirth + "` is before 1900");
        }
    }

    /** @return whether the person is a current or former student */
    public boolean student() {
        return role.pupilOrFormerPupil();
    }

    /**
     * The person's age status on a day. With a birth date, age is counted as UK law counts it: a
     * person born on 29 February turns 18 on 1 March in a common year. When both a status and a
     * birth date are given and disagree, the protective answer wins: {@code UNDER_18}.
     *
     * @param day the decision date
     * @return {@code UNDER_18}, {@code ADULT} or {@code UNKNOWN}
     */
    public StudentAgeStatus ageStatusOn(LocalDate day) {
        StudentAgeStatus fromBirth = dateOfBirth == null ? StudentAgeStatus.UNKNOWN
                : day.isBefore(eighteenthBirthday(dateOfBirth)) ? StudentAgeStatus.UNDER_18 : StudentAgeStatus.ADULT;
        if (fromBirth == StudentAgeStatus.UNDER_18 || ageStatus == StudentAgeStatus.UNDER_18) {
            return StudentAgeStatus.UNDER_18;
        }
        if (fromBirth == StudentAgeStatus.ADULT || ageStatus == StudentAgeStatus.ADULT) {
            return StudentAgeStatus.ADULT;
        }
        return StudentAgeStatus.UNKNOWN;
    }

    /**
     * @param day the decision date
     * @return whether the person counts as under 18 on that day: under 18 or age unknown
     */
    public boolean protectedMinorOn(LocalDate day) {
        // A current pupil of a primary school is a child whatever the age data says: ADULT is a data error.
        return role == PersonRole.STUDENT || ageStatusOn(day) != StudentAgeStatus.ADULT;
    }

    /**
     * The day someone born on {@code birth} turns 18, with 29 February births turning 18 on
     * 1 March when the 18th year is not a leap year.
     *
     * @param birth the birth date
     * @return the 18th birthday
     */
    public static LocalDate eighteenthBirthday(LocalDate birth) {
        int year = birth.getYear() + 18;
        if (birth.getMonth() == Month.FEBRUARY && birth.getDayOfMonth() == 29 && !Year.isLeap(year)) {
            return LocalDate.of(year, Month.MARCH, 1);
        }
        return birth.plusYears(18);
    }

    /**
     * @return a builder of a {@code Person} by field name; a field left unset takes the value
     *         the JSON reader gives a missing field (unknown answers, empty lists, {@code false})
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link Person} field by field; {@link #build()} validates as the constructor does. */
    public static final class Builder {
        private String ref;
        private PersonRole role;
        private StudentAgeStatus ageStatus;
        private LocalDate dateOfBirth;

        private Builder() {
        }

        /**
         * @param ref an opaque reference; never a name
         * @return this builder
         */
        public Builder ref(String ref) {
            this.ref = ref;
            return this;
        }

        /**
         * @param role who they are to the Federation; required
         * @return this builder
         */
        public Builder role(PersonRole role) {
            this.role = role;
            return this;
        }

        /**
         * @param ageStatus whether they are under 18, when the host does not pass a birth date
         * @return this builder
         */
        public Builder ageStatus(StudentAgeStatus ageStatus) {
            this.ageStatus = ageStatus;
            return this;
        }

        /**
         * @param dateOfBirth their birth date, when the host passes one
         * @return this builder
         */
        public Builder dateOfBirth(LocalDate dateOfBirth) {
            this.dateOfBirth = dateOfBirth;
            return this;
        }

        /**
         * @return the person
         * @throws org.smpolicy.diagnostic.InvalidRequestException when a required field is missing or a value is impossible
         */
        public Person build() {
            return new Person(ref, role, ageStatus, dateOfBirth);
        }
    }
}
