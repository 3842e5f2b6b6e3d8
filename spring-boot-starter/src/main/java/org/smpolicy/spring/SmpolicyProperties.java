package org.smpolicy.spring;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code smpolicy.*} properties of a Spring Boot host.
 *
 * <pre>
 * smpolicy.profile=schools/merriott        # a school profile directory; the baseline when absent
 * smpolicy.holidays=config/bank-holidays.json
 * smpolicy.decision-time=250ms             # a decision's time budget under an overlay
 * smpolicy.threads=2                       # the school's own pool
 * smpolicy.warm-up=10s                     # warm the engine up before the application is ready (off by default)
 * smpolicy.warm-up-samples=config/samples  # request documents like the host's own, to warm up on
 * </pre>
 */
@ConfigurationProperties("smpolicy")
public class SmpolicyProperties {

    private Path profile;
    private Path holidays;
    private Duration decisionTime = Duration.ofMillis(250);
    private int threads = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    private Duration warmUp = Duration.ZERO;
    private Path warmUpSamples;

    /** @return the school profile directory, or null for the Federation's baseline */
    public Path getProfile() {
        return profile;
    }

    /** @param profile a school profile directory ({@code docs/profiles.md}) */
    public void setProfile(Path profile) {
        this.profile = profile;
    }

    /** @return the official bank holiday feed, or null for the computed holidays */
    public Path getHolidays() {
        return holidays;
    }

    /** @param holidays the official england-and-wales bank holiday feed */
    public void setHolidays(Path holidays) {
        this.holidays = holidays;
    }

    /** @return a decision's time budget under a school's overlay */
    public Duration getDecisionTime() {
        return decisionTime;
    }

    /** @param decisionTime a decision's time budget, above 0 and at most 10 minutes */
    public void setDecisionTime(Duration decisionTime) {
        this.decisionTime = decisionTime;
    }

    /** @return the size of the school's own pool */
    public int getThreads() {
        return threads;
    }

    /** @param threads the size of the school's own pool, 1 to 256 */
    public void setThreads(int threads) {
        this.threads = threads;
    }

    /** @return how long the policy bean warms up for before the application starts; zero for none */
    public Duration getWarmUp() {
        return warmUp;
    }

    /**
     * @param warmUp how long the policy decides the warm-up samples and the rules' generated
     *               requests (at most {@code WarmUp.DECISIONS}, unlogged and uncounted) before the
     *               application is ready, so its first requests meet a compiled engine; zero for
     *               none, at most {@code WarmUp.MAX_TIME}
     */
    public void setWarmUp(Duration warmUp) {
        if (warmUp == null || warmUp.isNegative() || warmUp.compareTo(org.smpolicy.WarmUp.MAX_TIME) > 0) {
            throw new IllegalArgumentException("smpolicy.warm-up must be from 0 to " + org.smpolicy.WarmUp.MAX_TIME.toMinutes() + " minutes");
        }
        this.warmUp = warmUp;
    }

    /** @return the directory of request documents the warm-up decides, or null for generated requests only */
    public Path getWarmUpSamples() {
        return warmUpSamples;
    }

    /** @param warmUpSamples a directory of request documents ({@code *.json}) like the host's own traffic */
    public void setWarmUpSamples(Path warmUpSamples) {
        this.warmUpSamples = warmUpSamples;
    }
}
