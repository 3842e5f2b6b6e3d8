package org.smpolicy.model;

/**
 * A request for a decision. Each kind has a JSON {@code type} name, given by {@link #type()}.
 */
public sealed interface PolicyRequest
        permits PublishRequest, EngagementRequest, ContactRequest, IncomingMessage, IncidentReport,
                AccountApplication, StaffDeparture {

    /** @return the request type's JSON name, e.g. {@code publish} */
    String type();
}
