package org.smpolicy.recheck;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.smpolicy.decision.Reliance;
import org.smpolicy.diagnostic.InvalidRequestException;
import org.smpolicy.model.Channel;

/**
 * A change to a fact about a person that published content may rely on. JSON, one per line:
 * {@code {"change": "CONSENT_WITHDRAWN", "ref": "pupil-1001", "from": "2026-11-20", "channels": ["SOCIAL_MEDIA"]}}.
 *
 * @param change   what changed; required
 * @param ref      the host's reference for the person; required
 * @param from     the day it takes effect; the re-check's day when absent
 * @param channels for consent changes, the channels it concerns; every channel when absent or empty
 */
public record FactChange(Kind change, String ref, LocalDate from, Set<Channel> channels) {

    /** What can change. */
    public enum Kind {
        /** Consent was refused (11.a). */
        CONSENT_REFUSED(Reliance.Fact.CONSENT),
        /** Consent was withdrawn from a day (11.a). */
        CONSENT_WITHDRAWN(Reliance.Fact.CONSENT),
        /** Consent was granted for channels. */
        CONSENT_GRANTED(Reliance.Fact.CONSENT),
        /** Added to the list of children whose images must not be published (11.c). */
        ADDED_TO_NO_PUBLISH_LIST(Reliance.Fact.NOT_ON_NO_PUBLISH_LIST),
        /** Removed from that list. */
        REMOVED_FROM_NO_PUBLISH_LIST(Reliance.Fact.NOT_ON_NO_PUBLISH_LIST),
        /** Asked not to be filmed or photographed (11.a: "their wishes should be respected"). */
        ASKED_NOT_TO_BE_FILMED(Reliance.Fact.NOT_ASKED_NOT_TO_BE_FILMED),
        /** A runner's training lapsed (5.b). */
        RUNNER_TRAINING_LAPSED(Reliance.Fact.RUNNER),
        /** A runner left (4.a.iii.3: someone must manage what they posted). */
        RUNNER_LEFT(Reliance.Fact.RUNNER);

        private final Reliance.Fact fact;

        Kind(Reliance.Fact fact) {
            this.fact = fact;
        }

        /** @return the fact this change is about */
        public Reliance.Fact fact() {
            return fact;
        }

        /** @return whether the change is about a runner rather than a person seen in the content */
        public boolean aboutRunner() {
            return fact == Reliance.Fact.RUNNER;
        }
    }

    /** Validates; an absent channel list means every channel. */
    public FactChange {
        if (change == null) {
            throw new InvalidRequestException("$.change", "missing required field `change`");
        }
        if (ref == null || ref.isBlank()) {
            throw new InvalidRequestException("$.ref", "missing required field `ref`: a change names the person it is about");
        }
        if (ref.length() > 200) {
            throw new InvalidRequestException("$.ref", "`ref` is " + ref.length() + " characters long, over the limit of 200");
        }
        channels = channels == null || channels.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(channels));
        if (!channels.isEmpty() && change.fact() != Reliance.Fact.CONSENT) {
            throw new InvalidRequestException("$.channels", "`channels` is only for consent changes");
        }
        if (change == Kind.CONSENT_GRANTED && channels.isEmpty()) {
            throw new InvalidRequestException("$.channels", "`channels` is required when consent is granted: say which channels it covers");
        }
    }

    /**
     * @param r a fact a decision relied on
     * @return whether this change is about that fact: the same person and fact and, for consent,
     *         a channel this change concerns
     */
    public boolean touches(Reliance r) {
        return r.ref().equals(ref) && r.fact() == change.fact()
                && (r.fact() != Reliance.Fact.CONSENT || channels.isEmpty() || channels.contains(r.channel()));
    }

    /** @return the day it takes effect, or the given day when none was given */
    LocalDate fromOr(LocalDate day) {
        return from == null ? day : from;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FactChange c && change == c.change && ref.equals(c.ref) && Objects.equals(from, c.from)
                && channels.equals(c.channels);
    }

    @Override
    public int hashCode() {
        return Objects.hash(change, ref, from, channels);
    }
}
