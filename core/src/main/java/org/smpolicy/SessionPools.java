package org.smpolicy;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSessionsPool;
import org.smpolicy.model.PolicyRequest;

/**
 * The session pools of one compiled rule base, one per kind of request: a pooled session keeps a
 * memory for every node it has ever touched and a reset walks them all, so a session that only
 * ever decides one kind resets only that kind's part of the network. A session depends on nothing
 * but its rule base (the instant, calendar and parameters arrive as a fact, disabled rules as a
 * filter), so every rule base built on the same compiled rules shares these pools: the baseline's,
 * a profile's without overlay rules, a school's fallback and the load check's. Drools keeps every
 * session of a pool registered with its rule base until the pool is shut down, so pools made per
 * rule base would leave sessions behind on a rule base that outlives them at every reload.
 */
final class SessionPools {

    // The classpath rule bases are JVM-wide singletons that live as long as their class loader;
    // one set of pools each, made on first use. Kinds are a sealed set, so each map is bounded.
    private static final Map<KieBase, SessionPools> SHARED = new ConcurrentHashMap<>();

    private final KieBase kieBase;
    private final Map<Class<?>, KieSessionsPool> pools = new ConcurrentHashMap<>();

    /** @param kieBase a rule base owned by the caller (a school's overlay rules, the rules that read the instant) */
    SessionPools(KieBase kieBase) {
        this.kieBase = kieBase;
    }

    /** @return the pools of a classpath rule base, shared by every policy of the JVM */
    static SessionPools shared(KieBase classpathKieBase) {
        return SHARED.computeIfAbsent(classpathKieBase, SessionPools::new);
    }

    /** @return the pool for requests of this kind */
    KieSessionsPool of(Class<? extends PolicyRequest> kind) {
        KieSessionsPool p = pools.get(kind);
        return p != null ? p : pools.computeIfAbsent(kind, k -> kieBase.newKieSessionsPool(Math.max(2, Runtime.getRuntime().availableProcessors())));
    }
}
