package org.smpolicy.benchmarks;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.smpolicy.decision.Outcome;
import org.smpolicy.drl.Parameters;
import org.smpolicy.model.AccountType;
import org.smpolicy.model.Answer;
import org.smpolicy.model.ConsentStatus;
import org.smpolicy.model.ContentFlag;
import org.smpolicy.model.DepictedPerson;
import org.smpolicy.model.EngagementAction;
import org.smpolicy.model.EngagementRequest;
import org.smpolicy.model.Image;
import org.smpolicy.model.Link;
import org.smpolicy.model.PersonRole;
import org.smpolicy.model.Post;
import org.smpolicy.model.PublishRequest;
import org.smpolicy.model.SharedMaterial;

/**
 * The baseline's publish and engagement rules written by hand in plain Java: the floor the
 * benchmarks compare the rule engine against. It gives the outcome and the ids of the rules that
 * fire, without messages; {@code PlainJavaAgreesTest} holds it to the DRL on generated requests.
 */
public final class PlainJavaPolicy {

    /** What the plain-Java policy decided. */
    public record Result(Outcome outcome, Set<String> rules) {
    }

    private final LocalDate today;
    private final Parameters parameters;

    public PlainJavaPolicy(LocalDate today, Parameters parameters) {
        this.today = today;
        this.parameters = parameters;
    }

    private static final class Acc {
        Outcome outcome = Outcome.ALLOW;
        final Set<String> rules = new TreeSet<>();

        void fire(String rule, Outcome o) {
            if (rule != null) {
                rules.add(rule);
            }
            outcome = outcome.and(o);
        }
    }

    public Result publish(PublishRequest r) {
        Acc a = new Acc();
        boolean fed = r.account().type() == AccountType.FEDERATION;
        boolean personal = !fed;
        boolean inScope = !r.outOfScope();
        Answer approved = r.account().sltApproved();
        if (fed && approved == Answer.NO) {
            a.fire("publish.unapproved-account", Outcome.DENY);
        }
        if (fed && approved == Answer.UNKNOWN) {
            a.fire("publish.unconfirmed-account", Outcome.REVIEW);
        }
        if (fed && r.actor().runnerRequirementRefused()) {
            a.fire("publish.poster-not-ready", Outcome.DENY);
        }
        if (fed && !r.actor().runnerRequirementRefused() && !r.actor().runnerRequirementsMet()) {
            a.fire("publish.poster-unconfirmed", Outcome.REVIEW);
        }
        for (Image img : r.images()) {
            Answer shows = img.showsStudents();
            if (personal && shows == Answer.YES) {
                a.fire("publish.student-image-personal-account", Outcome.DENY);
            }
            if (personal && shows == Answer.UNKNOWN) {
                a.fire("publish.unknown-image-personal-account", Outcome.REVIEW);
            }
            if (fed && r.account().sltApproved() == Answer.NO && shows != Answer.NO) {
                a.fire("publish.student-image-unapproved-account", Outcome.DENY);
            }
            if (fed && r.account().sltApproved() == Answer.UNKNOWN && shows != Answer.NO) {
                a.fire("publish.student-image-unconfirmed-account", Outcome.REVIEW);
            }
            if (fed && img.mayShowUnlistedPupils()) {
                a.fire("publish.unidentified-pupils", Outcome.REVIEW);
            }
            for (DepictedPerson p : img.people()) {
                var c = p.consent();
                boolean withdrawn = c.withdrawn() != null && !c.withdrawn().isAfter(today);
                if (fed && (c.status() == ConsentStatus.REFUSED || withdrawn)) {
                    a.fire("publish.consent-refused", Outcome.DENY);
                }
                if (fed && c.status() == ConsentStatus.GRANTED && !withdrawn && !c.covers(r.account().channel(), today)) {
                    a.fire("publish.consent-not-covering", Outcome.DENY);
                }
                if (fed && c.status() == ConsentStatus.UNKNOWN) {
                    a.fire("publish.consent-unknown", Outcome.REVIEW);
                }
                if (inScope && p.askedNotToBeFilmed()) {
                    a.fire("publish.asked-not-to-be-filmed", Outcome.DENY);
                }
                if (inScope && p.onNoPublishList()) {
                    a.fire("publish.no-publish-list", Outcome.DENY);
                }
            }
            if (shows != Answer.NO) {
                if (img.appropriatelyDressed() == Answer.NO) {
                    a.fire("publish.not-appropriately-dressed", Outcome.DENY);
                }
                if (img.appropriatelyDressed() == Answer.UNKNOWN) {
                    a.fire("publish.dress-not-judged", Outcome.REVIEW);
                }
                if (img.subjectToRidicule() == Answer.YES) {
                    a.fire("publish.subject-to-ridicule", Outcome.DENY);
                }
                if (img.subjectToRidicule() == Answer.UNKNOWN) {
                    a.fire("publish.ridicule-not-judged", Outcome.REVIEW);
                }
            }
            if (inScope && img.compromising()) {
                a.fire("publish.compromising-image", Outcome.DENY);
                a.fire("publish.delete-compromising-image", Outcome.ALLOW);
            }
            if (inScope && img.taggingEnabled() && (shows != Answer.NO || !img.people().isEmpty())) {
                a.fire("publish.tagging-enabled", Outcome.ALLOW);
            }
        }
        Post post = r.post();
        Set<ContentFlag> f = post.flags();
        if (fed && (f.contains(ContentFlag.CONFIDENTIAL) || f.contains(ContentFlag.COMMERCIALLY_SENSITIVE))) {
            a.fire("publish.confidential-material", Outcome.DENY);
        }
        if (personal && (f.contains(ContentFlag.CONFIDENTIAL) || f.contains(ContentFlag.COMMERCIALLY_SENSITIVE)
                || f.contains(ContentFlag.DATA_PROTECTION_BREACH))) {
            a.fire("publish.personal-confidential-material", Outcome.DENY);
        }
        if (personal && f.contains(ContentFlag.COPYRIGHT_BREACH)) {
            a.fire("publish.personal-copyright-breach", Outcome.DENY);
        }
        if (fed && f.contains(ContentFlag.INTERNAL_GRIEVANCE)) {
            a.fire("publish.internal-grievance", Outcome.DENY);
        }
        boolean offensive = f.contains(ContentFlag.DEROGATORY) || f.contains(ContentFlag.DEFAMATORY) || f.contains(ContentFlag.OFFENSIVE)
                || f.contains(ContentFlag.HARASSING) || f.contains(ContentFlag.DISCRIMINATORY);
        if (fed && offensive) {
            a.fire("publish.offensive-content", Outcome.DENY);
        }
        if (fed && f.contains(ContentFlag.DISREPUTE)) {
            a.fire("publish.disrepute", Outcome.DENY);
        }
        if (personal && (offensive || f.contains(ContentFlag.DISREPUTE) || f.contains(ContentFlag.INTERNAL_GRIEVANCE)
                || f.contains(ContentFlag.ILLEGAL) || f.contains(ContentFlag.INAPPROPRIATE_FOR_AUDIENCE))) {
            a.fire("publish.personal-offensive-or-disrepute", Outcome.DENY);
        }
        if (fed && f.contains(ContentFlag.DATA_PROTECTION_BREACH)) {
            a.fire("publish.data-protection-breach", Outcome.DENY);
        }
        if (fed && f.contains(ContentFlag.COPYRIGHT_BREACH)) {
            a.fire("publish.copyright-breach", Outcome.DENY);
        }
        if (fed && f.contains(ContentFlag.ILLEGAL)) {
            a.fire("publish.illegal-content", Outcome.DENY);
        }
        if (fed && f.contains(ContentFlag.INAPPROPRIATE_FOR_AUDIENCE)) {
            a.fire("publish.inappropriate-for-audience", Outcome.DENY);
        }
        if (fed && f.contains(ContentFlag.PERSONAL_GAIN)) {
            a.fire("publish.personal-gain", Outcome.DENY);
        }
        if (f.contains(ContentFlag.PRIVACY_INFRINGEMENT) || f.contains(ContentFlag.ILL_CONSIDERED_ABOUT_STAFF)) {
            a.fire("publish.privacy-or-comments-about-staff", Outcome.DENY);
        }
        if (fed && f.contains(ContentFlag.CONTROVERSIAL) && post.seniorLeaderApproved() == Answer.UNKNOWN) {
            a.fire("publish.controversial-needs-senior-leader", Outcome.REVIEW);
        }
        if (fed && f.contains(ContentFlag.CONTROVERSIAL) && post.seniorLeaderApproved() == Answer.NO) {
            a.fire("publish.controversial-refused", Outcome.DENY);
        }
        if (fed && post.personalViews() && !post.disclaimer()) {
            a.fire("publish.personal-views-without-disclaimer", Outcome.DENY);
        }
        if (!post.authorDeclared() && (fed || post.namesFederation() || post.affectsFederation() == Answer.YES)) {
            a.fire("publish.author-not-declared", Outcome.REVIEW);
        }
        if (fed) {
            for (Link l : r.links()) {
                String host = l.host().orElse(null);
                boolean denied = parameters.deniesHost(host);
                if (l.safe() == Answer.NO || l.appropriate() == Answer.NO || denied) {
                    a.fire("publish.link-unsafe", Outcome.DENY);
                }
                if (l.safe() != Answer.NO && l.appropriate() != Answer.NO
                        && (l.safe() == Answer.UNKNOWN || l.appropriate() == Answer.UNKNOWN)
                        && !parameters.allowsHost(host) && !denied) {
                    a.fire("publish.link-unchecked", Outcome.REVIEW);
                }
                if (host == null) {
                    a.fire("publish.link-unreadable", Outcome.REVIEW);
                }
            }
        }
        for (SharedMaterial m : inScope ? r.shared() : List.<SharedMaterial>of()) {
            if (m.permission() == Answer.NO) {
                a.fire("publish.shared-without-permission", Outcome.DENY);
            }
            if (m.permission() == Answer.UNKNOWN) {
                a.fire("publish.shared-permission-unknown", Outcome.REVIEW);
            }
            if (!m.acknowledged()) {
                a.fire("publish.shared-not-acknowledged", Outcome.DENY);
            }
        }
        boolean associated = r.account().namesFederation() || post.namesFederation() || post.affectsFederation() == Answer.YES;
        if (personal && !r.account().disclaimer() && associated && r.actor().boundAsStaff()
                && (r.account().namesFederation() || !post.disclaimer())) {
            a.fire("publish.personal-account-without-disclaimer", Outcome.DENY);
        }
        if (personal && r.account().federationBranding()) {
            a.fire("publish.branding-on-personal-account", Outcome.DENY);
        }
        if (!inScope) {
            a.fire("publish.out-of-scope", Outcome.ALLOW);
        }
        if (fed) {
            a.fire("publish.professional-communication", Outcome.ALLOW);
            if (post.text() != null && !post.text().isBlank()) {
                a.fire("publish.tone", Outcome.ALLOW);
            }
            if (post.personalViews() || f.contains(ContentFlag.CONTROVERSIAL)) {
                a.fire("publish.professional-and-balanced", Outcome.ALLOW);
            }
        } else if (inScope && (r.account().namesFederation() || post.namesFederation() || post.affectsFederation() != Answer.NO)) {
            a.fire("publish.personal-privacy-hygiene", Outcome.ALLOW);
        }
        return new Result(a.outcome, a.rules);
    }

    public Result engage(EngagementRequest r) {
        Acc a = new Acc();
        boolean minorStudent = r.toPupil(today);
        EngagementAction action = r.action();
        boolean personal = r.account().type() == AccountType.PERSONAL;
        boolean staff = r.actor().boundAsStaff();
        if (personal && minorStudent && staff) {
            a.fire("engagement.personal-account-student-under-18", Outcome.DENY);
        }
        if (r.account().type() == AccountType.FEDERATION && minorStudent
                && (action == EngagementAction.MESSAGE || action == EngagementAction.FRIEND_REQUEST || action == EngagementAction.FOLLOW)) {
            a.fire("engagement.federation-account-private-contact-with-pupil", Outcome.REVIEW);
        }
        boolean onPost = action == EngagementAction.LIKE || action == EngagementAction.COMMENT || action == EngagementAction.SHARE
                || action == EngagementAction.TAG;
        if (onPost && r.targetPost() != null && r.targetPost().breachesPolicy() == Answer.YES) {
            a.fire("engagement.breaching-post", Outcome.REVIEW);
        }
        if (onPost && r.targetPost() != null && r.targetPost().breachesPolicy() == Answer.UNKNOWN) {
            a.fire("engagement.post-not-checked", Outcome.ALLOW);
        }
        if (r.account().type() == AccountType.FEDERATION && action == EngagementAction.TAG) {
            a.fire("engagement.federation-account-tags-person", Outcome.ALLOW);
        }
        if (personal && action == EngagementAction.SHARE && r.targetPost() != null && r.targetPost().showsStudents() == Answer.YES) {
            a.fire("engagement.personal-share-of-pupil-pictures", Outcome.DENY);
        }
        if (personal && action == EngagementAction.SHARE && (r.targetPost() == null || r.targetPost().showsStudents() == Answer.UNKNOWN)) {
            a.fire("engagement.personal-share-content-unknown", Outcome.REVIEW);
        }
        if (personal && r.account().namesFederation() && !r.account().disclaimer() && staff) {
            a.fire("engagement.personal-account-without-disclaimer", Outcome.DENY);
        }
        if (personal && r.account().federationBranding()) {
            a.fire("engagement.branding-on-personal-account", Outcome.DENY);
        }
        if (personal && action == EngagementAction.MESSAGE && r.federationBusiness() == Answer.YES && staff) {
            a.fire("engagement.personal-message-on-federation-business", Outcome.DENY);
        }
        if (personal && action == EngagementAction.MESSAGE && r.federationBusiness() == Answer.UNKNOWN && !minorStudent && staff) {
            a.fire("engagement.personal-message-business-unknown", Outcome.REVIEW);
        }
        if ((action == EngagementAction.MESSAGE || action == EngagementAction.COMMENT) && r.target().role() == PersonRole.JOURNALIST
                && r.federationBusiness() != Answer.NO) {
            a.fire("engagement.journalist", Outcome.REVIEW);
        }
        // Acting from a Federation account (or writing words of one's own) is publishing.
        var asPublish = r.asPublish();
        if (asPublish.isPresent()) {
            Result published = publish(asPublish.get());
            published.rules().forEach(rule -> a.fire(rule, Outcome.ALLOW));
            a.fire(null, published.outcome());
        }
        return new Result(a.outcome, a.rules);
    }
}
