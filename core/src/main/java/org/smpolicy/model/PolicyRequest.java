package org.smpolicy.model;

import java.util.List;

/**
 * A request for a decision. Each kind has a JSON {@code type} name, given by {@link #type()}.
 */
public sealed interface PolicyRequest
        permits PublishRequest, EngagementRequest, ContactRequest, IncomingMessage, IncidentReport,
                AccountApplication, StaffDeparture {

    /** @return the request type's JSON name, e.g. {@code publish} */
    String type();

    /**
     * The facts the rules decide over: the request itself, and what it amounts to under the
     * policy's own words (an act from a Federation account is the school publishing, see
     * {@link EngagementRequest#asPublish()}).
     *
     * @return the facts, this request first
     */
    default List<Object> facts() {
        return List.of(this);
    }
}
