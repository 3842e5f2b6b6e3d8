package org.smpolicy.model;

import java.time.LocalDate;
import java.util.List;

/**
 * Someone who runs Federation accounts is leaving: a member of staff, or a volunteer or parent
 * runner. What happens to the accounts they lead and run (4.a.ii.2, 4.a.ii.4)? JSON type
 * {@code staff-departure}.
 *
 * @param staffRef          an opaque reference to the person leaving; required
 * @param leavingDate       their last day; required
 * @param leadOfAccounts    ids of the Federation accounts they lead
 * @param role              who is leaving; {@code STAFF} when absent (volunteers and parents run accounts too, 5.b)
 * @param runnerOfAccounts  ids of the Federation accounts they help run without leading them
 * @param successorRef      who takes over the accounts they lead, when already chosen
 */
public record StaffDeparture(String staffRef, LocalDate leavingDate, List<String> leadOfAccounts, PersonRole role,
                             List<String> runnerOfAccounts, String successorRef)
        implements PolicyRequest {

    /** JSON type name. */
    public static final String TYPE = "staff-departure";

    /** Validates. */
    public StaffDeparture {
        staffRef = Require.id(staffRef, "staffRef");
        Require.present(leavingDate, "leavingDate");
        leadOfAccounts = Require.list(leadOfAccounts, "leadOfAccounts");
        role = Require.or(role, PersonRole.STAFF);
        runnerOfAccounts = Require.list(runnerOfAccounts, "runnerOfAccounts");
        successorRef = Require.optionalId(successorRef, "successorRef");
    }

    /** A member of staff leaving the accounts they lead, with no successor named. */
    public StaffDeparture(String staffRef, LocalDate leavingDate, List<String> leadOfAccounts) {
        this(staffRef, leavingDate, leadOfAccounts, PersonRole.STAFF, List.of(), null);
    }

    /** @return every account they lead or run, each once, those they lead first */
    public List<String> accounts() {
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>(leadOfAccounts);
        all.addAll(runnerOfAccounts);
        return List.copyOf(all);
    }

    @Override
    public String type() {
        return TYPE;
    }

    /**
     * @return a builder of a {@code StaffDeparture} by field name; a field left unset takes the value
     *         the JSON reader gives a missing field (unknown answers, empty lists, {@code false})
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link StaffDeparture} field by field; {@link #build()} validates as the constructor does. */
    public static final class Builder {
        private String staffRef;
        private LocalDate leavingDate;
        private List<String> leadOfAccounts;
        private PersonRole role;
        private List<String> runnerOfAccounts;
        private String successorRef;

        private Builder() {
        }

        /**
         * @param staffRef an opaque reference to the person leaving; required
         * @return this builder
         */
        public Builder staffRef(String staffRef) {
            this.staffRef = staffRef;
            return this;
        }

        /**
         * @param leavingDate their last day; required
         * @return this builder
         */
        public Builder leavingDate(LocalDate leavingDate) {
            this.leavingDate = leavingDate;
            return this;
        }

        /**
         * @param leadOfAccounts ids of the Federation accounts they lead
         * @return this builder
         */
        public Builder leadOfAccounts(List<String> leadOfAccounts) {
            this.leadOfAccounts = leadOfAccounts;
            return this;
        }

        /**
         * @param leadOfAccounts ids of the Federation accounts they lead
         * @return this builder
         */
        public Builder leadOfAccounts(String... leadOfAccounts) {
            this.leadOfAccounts = java.util.Arrays.asList(leadOfAccounts);
            return this;
        }

        /**
         * @param role who is leaving; {@code STAFF} when absent (volunteers and parents run accounts too, 5.b)
         * @return this builder
         */
        public Builder role(PersonRole role) {
            this.role = role;
            return this;
        }

        /**
         * @param runnerOfAccounts ids of the Federation accounts they help run without leading them
         * @return this builder
         */
        public Builder runnerOfAccounts(List<String> runnerOfAccounts) {
            this.runnerOfAccounts = runnerOfAccounts;
            return this;
        }

        /**
         * @param runnerOfAccounts ids of the Federation accounts they help run without leading them
         * @return this builder
         */
        public Builder runnerOfAccounts(String... runnerOfAccounts) {
            this.runnerOfAccounts = java.util.Arrays.asList(runnerOfAccounts);
            return this;
        }

        /**
         * @param successorRef who takes over the accounts they lead, when already chosen
         * @return this builder
         */
        public Builder successorRef(String successorRef) {
            this.successorRef = successorRef;
            return this;
        }

        /**
         * @return the staffDeparture
         * @throws org.smpolicy.diagnostic.InvalidRequestException when a required field is missing or a value is impossible
         */
        public StaffDeparture build() {
            return new StaffDeparture(staffRef, leavingDate, leadOfAccounts, role, runnerOfAccounts, successorRef);
        }
    }
}
