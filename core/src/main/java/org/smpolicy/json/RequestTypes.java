package org.smpolicy.json;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import org.smpolicy.model.AccountApplication;
import org.smpolicy.model.ContactRequest;
import org.smpolicy.model.EngagementRequest;
import org.smpolicy.model.IncidentReport;
import org.smpolicy.model.IncomingMessage;
import org.smpolicy.model.PublishRequest;
import org.smpolicy.model.StaffDeparture;

/** Mix-in that maps the JSON {@code type} field to the request records, keeping the model free of Jackson. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = PublishRequest.class, name = PublishRequest.TYPE),
        @JsonSubTypes.Type(value = EngagementRequest.class, name = EngagementRequest.TYPE),
        @JsonSubTypes.Type(value = ContactRequest.class, name = ContactRequest.TYPE),
        @JsonSubTypes.Type(value = IncomingMessage.class, name = IncomingMessage.TYPE),
        @JsonSubTypes.Type(value = IncidentReport.class, name = IncidentReport.TYPE),
        @JsonSubTypes.Type(value = AccountApplication.class, name = AccountApplication.TYPE),
        @JsonSubTypes.Type(value = StaffDeparture.class, name = StaffDeparture.TYPE)
})
interface RequestTypes {

    /** Every request type name, in the order the documentation lists them. */
    List<String> NAMES = List.of(PublishRequest.TYPE, EngagementRequest.TYPE, ContactRequest.TYPE,
            IncomingMessage.TYPE, IncidentReport.TYPE, AccountApplication.TYPE, StaffDeparture.TYPE);
}
