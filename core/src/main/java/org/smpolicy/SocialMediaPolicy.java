package org.smpolicy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smpolicy.calendar.WorkingCalendar;
import org.smpolicy.catalogue.ClauseCatalogue;
import org.smpolicy.catalogue.PolicyStatus;
import org.smpolicy.catalogue.RuleInfo;
import org.smpolicy.decision.Decision;
import org.smpolicy.diagnostic.PolicyLoadException;
import org.smpolicy.drl.Parameters;
import org.smpolicy.log.DecisionLog;
import org.smpolicy.model.AccountApplication;
import org.smpolicy.model.ContactRequest;
import org.smpolicy.model.EngagementRequest;
import org.smpolicy.model.IncidentReport;
import org.smpolicy.model.IncomingMessage;
import org.smpolicy.model.PolicyRequest;
import org.smpolicy.model.PublishRequest;
import org.smpolicy.model.StaffDeparture;
import org.smpolicy.profile.SchoolProfile;
import org.smpolicy.recheck.FactChange;
import org.smpolicy.recheck.Published;
import org.smpolicy.recheck.Recheck;
import org.smpolicy.recheck.RecheckReport;

/**
 * The policy, compiled once and ready to decide. Thread-safe: build one instance and share it.
 *
 * <pre>{@code
 * SocialMediaPolicy policy = SocialMediaPolicy.builder()
 *         .calendar(WorkingCalendar.englandAndWales().withClosures(closureDays))
 *         .build();
 *
 * Decision d = policy.checkPublish(new PublishRequest(Account.personal("acc-1"), post, images, List.of(), List.of()));
 * d.outcome();      // DENY
 * d.findings();     // [Finding[clause=11.b, rule=publish.student-image-personal-account, ...]]
 * }</pre>
 */
public final class SocialMediaPolicy {

    private static final Logger LOG = LoggerFactory.getLogger(SocialMediaPolicy.class);

    private final RuleEngine engine;
    private final DecisionLog log;

    private SocialMediaPolicy(RuleEngine engine, DecisionLog log) {
        this.engine = engine;
        this.log = log;
    }

    /** @return a builder with the baseline's defaults: system clock, England and Wales calendar */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Decides any request.
     *
     * @param request the request
     * @return the decision
     * @throws PolicyException when the rules cannot evaluate the request
     */
    public Decision decide(PolicyRequest request) {
        return decide(request, engine.clock().instant());
    }

    /**
     * Decides any request as at an instant, as OPA's {@code EvalTime}: one policy serves every
     * instant, so tests, scenario runs and re-checks of history need not build a policy per
     * instant. The clock given to the builder is not read.
     *
     * @param request the request
     * @param at      the decision instant ("now" for ages, consent expiry and deadlines)
     * @return the decision
     * @throws PolicyException when the rules cannot evaluate the request
     */
    public Decision decide(PolicyRequest request, Instant at) {
        Decision d = engine.decide(Objects.requireNonNull(request, "request"), Objects.requireNonNull(at, "at"));
        if (log != null) {
            try {
                log.record(request, d, at);
            } catch (RuntimeException e) {
                // Never fail a decision because the audit log failed; say so without personal data.
                LOG.warn("decision log failed for a {} decision: {}", d.requestType(), e.getClass().getSimpleName());
            }
        }
        return d;
    }

    /**
     * Finds the published posts a change of facts touches and decides each again, as at now: a
     * consent refused or withdrawn (for some channels or all), a child added to the no-publish
     * list or asking not to be filmed, a runner's training lapsed or a runner left. Only items
     * that rely on a changed fact ({@link Decision#reliesOn()}) are decided again; those whose
     * decision is now more restrictive than when they were published are reported with their
     * duties: take down (within 24 hours), review, or hand over to another runner.
     *
     * <pre>{@code
     * RecheckReport r = policy.recheck(register, List.of(new FactChange(FactChange.Kind.ADDED_TO_NO_PUBLISH_LIST,
     *         "pupil-1001", null, null)));
     * r.reported().forEach(i -> System.out.println(i.id() + ": " + i.duties()));
     * }</pre>
     *
     * @param published the register: each post as it was checked, and when it went out
     * @param changes   the changes, in order
     * @return the items to act on
     */
    public RecheckReport recheck(List<Published> published, List<FactChange> changes) {
        return recheck(published, changes, engine.clock().instant());
    }

    /**
     * As {@link #recheck(List, List)}, as at an instant.
     *
     * @param published the register
     * @param changes   the changes
     * @param at        the instant of the re-check
     * @return the items to act on
     */
    public RecheckReport recheck(List<Published> published, List<FactChange> changes, Instant at) {
        return Recheck.run(engine::decide, engine.calendar(), Objects.requireNonNull(published, "published"),
                Objects.requireNonNull(changes, "changes"), Objects.requireNonNull(at, "at"));
    }

    /**
     * May this post go out on this account?
     *
     * @param request the post, its images, links and shared material, and the account
     * @return the decision
     */
    public Decision checkPublish(PublishRequest request) {
        return decide(request);
    }

    /**
     * May this member of staff follow, like, comment on or message this person from this account?
     *
     * @param request the engagement
     * @return the decision
     */
    public Decision checkEngagement(EngagementRequest request) {
        return decide(request);
    }

    /**
     * May this member of staff contact a member of the community this way?
     *
     * @param request the contact
     * @return the decision
     */
    public Decision checkContact(ContactRequest request) {
        return decide(request);
    }

    /**
     * What is owed, by whom and by when, for a comment, query, complaint or message that arrived?
     *
     * @param message the message
     * @return the decision, whose obligations say what must happen
     */
    public Decision respondTo(IncomingMessage message) {
        return decide(message);
    }

    /**
     * What must happen after a member of staff reports an incident?
     *
     * @param report the report
     * @return the decision, whose obligations say what must happen
     */
    public Decision reportIncident(IncidentReport report) {
        return decide(report);
    }

    /**
     * Is this application for a new account complete, approved and safe to set up?
     *
     * @param application the application
     * @return the decision
     */
    public Decision reviewApplication(AccountApplication application) {
        return decide(application);
    }

    /**
     * What happens to the accounts a leaving member of staff leads?
     *
     * @param departure the departure
     * @return the decision, whose obligations say what must happen
     */
    public Decision staffDeparture(StaffDeparture departure) {
        return decide(departure);
    }

    /**
     * Replaces the school profile while decisions go on: the new rule base is built and checked
     * beside the one in use and swapped in atomically. Each decision comes wholly from one rule
     * base. When the profile has any problem this throws and the working rule base stays.
     *
     * @param directory the profile directory
     * @throws PolicyLoadException listing every problem as {@code file:line: message}
     */
    public void reload(Path directory) {
        engine.reload(SchoolProfile.load(directory));
    }

    /**
     * Whether the school's decisions are refused for now, without running, because they kept
     * running past their time budget (a circuit breaker; SECURITY.md): each would be answered as a
     * stopped decision. A service may answer "try again later" without reading the request.
     *
     * @return how long the pause lasts from its start, or empty when decisions run
     */
    public java.util.Optional<java.time.Duration> paused() {
        return engine.paused();
    }

    /** @return the engine, for the library's own callers that must not log (a warm-up) */
    RuleEngine engine() {
        return engine;
    }

    /** @return the name of the school profile in use, or {@code baseline} */
    public String profile() {
        return engine.profile();
    }

    /** @return the clause catalogue of the loaded policy */
    public ClauseCatalogue clauses() {
        return engine.catalogue();
    }

    /** @return every rule, with the clauses it cites and whether it is enabled */
    public List<RuleInfo> rules() {
        return engine.rules();
    }

    /**
     * @return every clause beside the rules that carry it out, with the gaps: the one document
     *         {@code smpolicy clauses}, {@code GET /v1/clauses} and {@code docs/traceability.md} show
     */
    public org.smpolicy.catalogue.Traceability traceability() {
        return org.smpolicy.catalogue.Traceability.of(clauses(), rules());
    }

    /** @return the policy's status today, by the policy's clock and calendar */
    public PolicyStatus status() {
        return status(engine.calendar().localDate(engine.clock().instant()));
    }

    /**
     * @param day a date
     * @return the policy's status on that date, including whether it is overdue for review
     */
    public PolicyStatus status(LocalDate day) {
        return engine.catalogue().status(day);
    }

    /** @return the working calendar deadlines are computed with */
    public WorkingCalendar calendar() {
        return engine.calendar();
    }

    /** Builds a {@link SocialMediaPolicy}. Not thread-safe; build once at start-up. */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private WorkingCalendar calendar = WorkingCalendar.englandAndWales();
        private Parameters parameters = Parameters.BASELINE;
        private ClassLoader classLoader = SocialMediaPolicy.class.getClassLoader();
        private Path profile;
        private SchoolProfile profileRead;
        private DecisionLog decisionLog;
        private Budgets budgets = Budgets.DEFAULT;

        private Builder() {
        }

        /**
         * @param clock where "now" comes from; the system UTC clock by default
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @param calendar the working calendar for deadlines; England and Wales by default
         * @return this builder
         */
        public Builder calendar(WorkingCalendar calendar) {
            this.calendar = Objects.requireNonNull(calendar, "calendar");
            return this;
        }

        /**
         * @param parameters the school's parameters; {@link Parameters#BASELINE} by default
         * @return this builder
         */
        public Builder parameters(Parameters parameters) {
            this.parameters = Objects.requireNonNull(parameters, "parameters");
            return this;
        }

        /**
         * @param feed the official bank holiday feed (the published {@code england-and-wales} JSON);
         *             for the years it covers it replaces the computed holidays
         * @return this builder
         * @throws PolicyLoadException when the file is not a valid feed, or drops a holiday the computation knows
         */
        public Builder holidays(Path feed) {
            try {
                this.calendar = calendar.withHolidays(org.smpolicy.calendar.HolidayFeed.read(Objects.requireNonNull(feed, "feed")));
            } catch (org.smpolicy.calendar.HolidayFeed.InvalidFeedException e) {
                throw PolicyLoadException.of(e.diagnostics());
            }
            return this;
        }

        /**
         * @param classLoader where to find the rules module; this library's loader by default
         * @return this builder
         */
        public Builder classLoader(ClassLoader classLoader) {
            this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
            return this;
        }

        /**
         * @param directory a school profile directory ({@code profile.json} plus optional {@code *.drl}
         *                  overlays, see {@code docs/profiles.md}); its time zone and closure days are
         *                  added to the calendar and its parameters replace {@link #parameters(Parameters)}
         * @return this builder
         */
        public Builder profile(Path directory) {
            this.profile = Objects.requireNonNull(directory, "directory");
            this.profileRead = null;
            return this;
        }

        /**
         * @param school a school profile already read ({@link SchoolProfile#load}), so that a host that
         *               checked or shipped it (a Spark executor, say) does not read it again
         * @return this builder
         */
        public Builder profile(SchoolProfile school) {
            this.profileRead = Objects.requireNonNull(school, "school");
            this.profile = null;
            return this;
        }

        /**
         * @param log receives every decision (no personal data unless the log is told to include it); off by default
         * @return this builder
         */
        public Builder decisionLog(DecisionLog log) {
            this.decisionLog = Objects.requireNonNull(log, "log");
            return this;
        }

        /**
         * What a decision under a school's overlay may cost. Overlay rules run on the school's own
         * pool of {@code threads} threads (and a bounded queue), so one school cannot take
         * another's threads; a decision that takes longer than {@code decisionTime} is stopped and
         * answered {@code REVIEW} with the finding {@code smpolicy.decision-budget}, naming the
         * profile. The baseline's own rules are trusted code and run on the caller's thread.
         * Defaults: 250 ms, half the cores (at least one thread).
         *
         * @param decisionTime the time budget of one decision, above 0 and at most 10 minutes
         * @param threads      each school's pool size, 1 to 256
         * @return this builder
         * @throws IllegalArgumentException when a budget is out of range
         */
        public Builder budgets(java.time.Duration decisionTime, int threads) {
            this.budgets = new Budgets(decisionTime, threads);
            return this;
        }

        /**
         * Loads and validates the rules.
         *
         * @return the policy
         * @throws PolicyLoadException when the rules are unusable
         */
        public SocialMediaPolicy build() {
            return new SocialMediaPolicy(RuleEngine.load(classLoader, clock, calendar, parameters,
                    profileRead != null ? profileRead : profile == null ? null : SchoolProfile.load(profile), budgets), decisionLog);
        }
    }
}
