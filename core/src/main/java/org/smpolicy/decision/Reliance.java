package org.smpolicy.decision;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.smpolicy.model.Channel;
import org.smpolicy.model.DepictedPerson;
import org.smpolicy.model.EngagementRequest;
import org.smpolicy.model.Image;
import org.smpolicy.model.PolicyRequest;
import org.smpolicy.model.PublishRequest;

/**
 * One fact about a person that a decision relied on, keyed by the host's own reference, so that a
 * host can index what it published by it and find, with one query, the posts a later change of
 * that fact touches ({@code SocialMediaPolicy.recheck}).
 *
 * @param ref     the host's reference for the person (a pupil, a parent, a runner)
 * @param fact    which fact about them
 * @param channel for {@link Fact#CONSENT}, the channel the consent was relied on for; otherwise null
 */
public record Reliance(String ref, Fact fact, Channel channel) {

    private static final java.util.Comparator<Reliance> ORDER = java.util.Comparator.comparing(Reliance::ref)
            .thenComparing(Reliance::fact).thenComparing(r -> r.channel() == null ? "" : r.channel().name());

    /** The facts about people a decision may rely on. */
    public enum Fact {
        /** Their photo consent, for the account's channel (11.a). */
        CONSENT,
        /** That they are not on the list of children whose images must not be published (11.c). */
        NOT_ON_NO_PUBLISH_LIST,
        /** That they have not asked not to be filmed or photographed (11.a). */
        NOT_ASKED_NOT_TO_BE_FILMED,
        /** That the person acting is a named, trained runner of the account who has read the policy (5.b, 4.a.iii). */
        RUNNER
    }

    /** Validates. */
    public Reliance {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(fact, "fact");
        if ((fact == Fact.CONSENT) != (channel != null)) {
            throw new IllegalArgumentException("a consent reliance names its channel, and only it does");
        }
    }

    /**
     * What a request relies on: for everything that puts images out (a post, or a share or tag
     * from a Federation account), each person listed with a reference, for their consent on the
     * account's channel (on Federation accounts, where consent is checked), the no-publish list
     * and their wish not to be filmed; and the person
     * acting, when the host gives their reference, as a runner. People without a reference cannot
     * be found again and are not listed.
     *
     * @param request the request
     * @return the reliances, each once, sorted by reference, fact and channel (so that the order of
     *         people in the request does not change the decision)
     */
    public static List<Reliance> of(PolicyRequest request) {
        PublishRequest p = request instanceof PublishRequest pr ? pr
                : request instanceof EngagementRequest e ? e.asPublish().orElse(null) : null;
        if (p == null) {
            return List.of();
        }
        Set<Reliance> out = new java.util.TreeSet<>(ORDER);
        for (Image img : p.images()) {
            for (DepictedPerson person : img.people()) {
                if (person.ref() != null) {
                    if (p.account().official()) {
                        // Consent on record is checked for Federation use of images (11); see docs/decisions.md.
                        out.add(new Reliance(person.ref(), Fact.CONSENT, p.account().channel()));
                    }
                    out.add(new Reliance(person.ref(), Fact.NOT_ON_NO_PUBLISH_LIST, null));
                    out.add(new Reliance(person.ref(), Fact.NOT_ASKED_NOT_TO_BE_FILMED, null));
                }
            }
        }
        if (p.account().official() && p.actor().ref() != null) {
            out.add(new Reliance(p.actor().ref(), Fact.RUNNER, null));
        }
        return List.copyOf(new ArrayList<>(out));
    }
}
