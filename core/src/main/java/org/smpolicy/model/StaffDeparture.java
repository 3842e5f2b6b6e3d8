package org.smpolicy.model;

import java.time.LocalDate;
import java.util.List;

/**
 * A member of staff is leaving: what happens to the accounts they lead (4.a.ii.4)? JSON type
 * {@code staff-departure}.
 *
 * @param staffRef       an opaque reference; required
 * @param leavingDate    their last day; required
 * @param leadOfAccounts ids of the Federation accounts they lead
 */
public record StaffDeparture(String staffRef, LocalDate leavingDate, List<String> leadOfAccounts)
        implements PolicyRequest {

    /** JSON type name. */
    public static final String TYPE = "staff-departure";

    /** Validates. */
    public StaffDeparture {
        staffRef = Require.id(staffRef, "staffRef");
        Require.present(leavingDate, "leavingDate");
        leadOfAccounts = Require.list(leadOfAccounts, "leadOfAccounts");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
