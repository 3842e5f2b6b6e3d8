package org.smpolicy.model;

import java.time.LocalDate;
import java.util.Set;
import org.smpolicy.diagnostic.InvalidRequestException;

/**
 * A person's photo and video consent as the school records it (11.a): per channel, with an
 * optional expiry and withdrawal date.
 *
 * @param status    granted, refused or unknown; {@link ConsentStatus#UNKNOWN} when absent
 * @param channels  the channels it covers; required when granted
 * @param expires   the last day it is valid, if it expires
 * @param withdrawn the day it was withdrawn, if it was
 */
public record Consent(ConsentStatus status, Set<Channel> channels, LocalDate expires, LocalDate withdrawn) {

    /** Validates. */
    public Consent {
        status = Require.or(status, ConsentStatus.UNKNOWN);
        channels = Require.enums(channels, Channel.class, "channels");
        if (status == ConsentStatus.GRANTED && channels.isEmpty()) {
            throw new InvalidRequestException("$.channels", "`channels` is required when consent is `GRANTED`: say which channels it covers");
        }
    }

    /** @return a consent record that says nothing (no consent on record) */
    public static Consent unknown() {
        return new Consent(ConsentStatus.UNKNOWN, Set.of(), null, null);
    }

    /**
     * @param channels the channels covered
     * @return consent granted for those channels, without expiry
     */
    public static Consent granted(Channel... channels) {
        return new Consent(ConsentStatus.GRANTED, Set.of(channels), null, null);
    }

    /**
     * Whether this consent allows publishing on a channel on a day: granted, covering the channel,
     * not expired before the day and not withdrawn on or before it.
     *
     * @param channel the channel
     * @param day     the decision date
     * @return whether it is consent for that use
     */
    public boolean covers(Channel channel, LocalDate day) {
        return status == ConsentStatus.GRANTED
                && channels.contains(channel)
                && (expires == null || !day.isAfter(expires))
                && (withdrawn == null || day.isBefore(withdrawn));
    }

    /**
     * @return a builder of a {@code Consent} by field name; a field left unset takes the value
     *         the JSON reader gives a missing field (unknown answers, empty lists, {@code false})
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link Consent} field by field; {@link #build()} validates as the constructor does. */
    public static final class Builder {
        private ConsentStatus status;
        private Set<Channel> channels;
        private LocalDate expires;
        private LocalDate withdrawn;

        private Builder() {
        }

        /**
         * @param status granted, refused or unknown; {@link ConsentStatus#UNKNOWN} when absent
         * @return this builder
         */
        public Builder status(ConsentStatus status) {
            this.status = status;
            return this;
        }

        /**
         * @param channels the channels it covers; required when granted
         * @return this builder
         */
        public Builder channels(Set<Channel> channels) {
            this.channels = channels;
            return this;
        }

        /**
         * @param channels the channels it covers; required when granted
         * @return this builder
         */
        public Builder channels(Channel... channels) {
            this.channels = new java.util.LinkedHashSet<>(java.util.Arrays.asList(channels));
            return this;
        }

        /**
         * @param expires the last day it is valid, if it expires
         * @return this builder
         */
        public Builder expires(LocalDate expires) {
            this.expires = expires;
            return this;
        }

        /**
         * @param withdrawn the day it was withdrawn, if it was
         * @return this builder
         */
        public Builder withdrawn(LocalDate withdrawn) {
            this.withdrawn = withdrawn;
            return this;
        }

        /**
         * @return the consent
         * @throws org.smpolicy.diagnostic.InvalidRequestException when a required field is missing or a value is impossible
         */
        public Consent build() {
            return new Consent(status, channels, expires, withdrawn);
        }
    }
}
