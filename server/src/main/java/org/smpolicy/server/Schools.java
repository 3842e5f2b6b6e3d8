package org.smpolicy.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.smpolicy.SocialMediaPolicy;
import org.smpolicy.diagnostic.Diagnostic;
import org.smpolicy.diagnostic.PolicyLoadException;
import org.smpolicy.json.JsonCodec;

/** The schools a service serves: the main policy, the schools that load, are loading or are broken, and readiness. */
final class Schools {

    private final ObjectMapper mapper = new ObjectMapper();
    final School main;
    private final Map<String, School> ready = new ConcurrentHashMap<>();
    private final Map<String, List<Diagnostic>> broken = new ConcurrentHashMap<>();
    private final Set<String> loading = ConcurrentHashMap.newKeySet();
    private volatile Path dir;
    private volatile boolean warming;

    Schools(School main) {
        this.main = main;
    }

    /** @return the school with this id, if it serves */
    School get(String id) {
        return ready.get(id);
    }

    boolean loading(String id) {
        return loading.contains(id);
    }

    boolean broken(String id) {
        return broken.containsKey(id);
    }

    /** @return the serving schools by id, sorted */
    Map<String, School> serving() {
        return new TreeMap<>(ready);
    }

    /**
     * Loads every school profile directory in {@code dir}; one school's profile never stops the
     * others from serving.
     */
    void load(Path dir, Function<Path, SocialMediaPolicy> policy, JsonCodec json) throws IOException {
        this.dir = dir;
        try (Stream<Path> list = Files.list(dir)) {
            List<Path> found = list.filter(Files::isDirectory).sorted()
                    .filter(p -> p.getFileName().toString().matches("[a-z0-9][a-z0-9-]{0,62}")
                            && Files.isRegularFile(p.resolve("profile.json"))).toList();
            // Known before they are built: while one loads, its address answers 503, not "no such school".
            found.forEach(p -> loading.add(p.getFileName().toString()));
            for (Path p : found) {
                String id = p.getFileName().toString();
                try {
                    ready.put(id, new School(id, policy.apply(p), p, json));
                } catch (PolicyLoadException e) {
                    broken.put(id, e.diagnostics());
                } catch (RuntimeException | StackOverflowError e) {
                    broken.put(id, List.of(Diagnostic.profile(p.resolve("profile.json").toString(), 1,
                            "cannot be loaded (" + e.getClass().getSimpleName() + ")")));
                } finally {
                    loading.remove(id);
                }
            }
        }
    }

    /** While the service warms up, {@code /readyz} says so and answers 503. */
    void warming(boolean now) {
        warming = now;
    }

    /** @return every school by id with its state in words, for the start banner */
    Map<String, String> states() {
        Map<String, String> out = new TreeMap<>();
        ready.forEach((id, sc) -> out.put(id, "ready (" + sc.policy.profile() + ")"));
        loading.forEach(id -> out.put(id, "loading"));
        broken.forEach((id, p) -> out.put(id, "broken: " + p.size() + " problem(s), see /readyz"));
        return out;
    }

    /**
     * Probes say school and state only; a profile's problems (which name its files) are shown to a
     * caller with the reload token, with paths relative to the schools directory, as text and as
     * diagnostics.
     */
    ObjectNode readiness(boolean withProblems, JsonCodec json) {
        ObjectNode n = mapper.createObjectNode();
        boolean allReady = broken.isEmpty() && loading.isEmpty() && ready.values().stream().allMatch(sc -> sc.lastReloadProblems.isEmpty())
                && main.lastReloadProblems.isEmpty();
        n.put("status", warming ? "warming" : allReady ? "ready" : "degraded");
        n.put("profile", main.policy.profile());
        if (!main.lastReloadProblems.isEmpty()) {
            n.put("lastReloadFailed", true);
        }
        ObjectNode all = n.putObject("schools");
        for (School sc : new TreeMap<>(ready).values()) {
            ObjectNode s1 = all.putObject(sc.id);
            s1.put("status", sc.lastReloadProblems.isEmpty() ? "ready" : "serving the previous version: the last reload failed");
            s1.put("profile", sc.policy.profile());
        }
        for (String id : new TreeSet<>(loading)) {
            all.putObject(id).put("status", "loading");
        }
        Path d = dir;
        for (Map.Entry<String, List<Diagnostic>> b : new TreeMap<>(broken).entrySet()) {
            ObjectNode s1 = all.putObject(b.getKey());
            s1.put("status", "broken: serves no decisions");
            if (withProblems) {
                Wire.problems(s1, d == null ? b.getValue() : b.getValue().stream().map(g -> relative(d, g)).toList(), json);
            } else {
                s1.put("problems", b.getValue().size());
            }
        }
        return n;
    }

    /**
     * A problem with the schools directory taken out of every part that may name it (its file, its
     * words, what it quotes), so that a probe never shows the server's own paths.
     */
    private static Diagnostic relative(Path dir, Diagnostic g) {
        return new Diagnostic(g.code(), relative(dir, g.file()), g.line(), g.path(), relative(dir, g.message()), relative(dir, g.value()));
    }

    private static String relative(Path dir, String text) {
        return text == null ? null : text.replace(dir.toAbsolutePath() + File.separator, "").replace(dir + File.separator, "");
    }

    /** Stops every school's bulk pool. */
    void close() {
        main.bulk.close();
        ready.values().forEach(sc -> sc.bulk.close());
    }
}
