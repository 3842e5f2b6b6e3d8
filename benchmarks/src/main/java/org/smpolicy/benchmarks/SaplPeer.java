package org.smpolicy.benchmarks;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.smpolicy.model.Answer;
import org.smpolicy.model.EngagementRequest;
import org.smpolicy.model.PublishRequest;

/**
 * The SAPL peer, loaded from the {@code benchmarks-sapl} module in a class loader of its own
 * (SAPL's parser needs ANTLR 3.2, Drools needs 3.5.2). The request is mapped to SAPL's
 * subject/action/resource form here; the cost of that mapping is part of what is measured, as it
 * would be for a host.
 */
public final class SaplPeer implements AutoCloseable {

    private final URLClassLoader loader;
    private final Function<Map<String, Object>, String> pdp;

    @SuppressWarnings("unchecked")
    public SaplPeer() {
        Path home = locate();
        try (Stream<Path> libs = Files.list(home.resolve("lib"))) {
            List<URL> urls = new ArrayList<>();
            urls.add(home.resolve("benchmarks-sapl.jar").toUri().toURL());
            for (Path p : libs.filter(f -> f.toString().endsWith(".jar")).toList()) {
                urls.add(p.toUri().toURL());
            }
            loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
            pdp = (Function<Map<String, Object>, String>) loader.loadClass("org.smpolicy.benchmarks.sapl.SaplPdp")
                    .getDeclaredConstructor().newInstance();
        } catch (IOException | ReflectiveOperationException e) {
            throw new IllegalStateException("cannot load the SAPL peer from " + home + ": build it with mvn -pl benchmarks-sapl package", e);
        }
    }

    private static Path locate() {
        String configured = System.getProperty("smpolicy.sapl.home");
        if (configured != null) {
            return Path.of(configured);
        }
        for (String candidate : new String[] {"benchmarks-sapl/target", "../benchmarks-sapl/target"}) {
            if (Files.isRegularFile(Path.of(candidate, "benchmarks-sapl.jar"))) {
                return Path.of(candidate);
            }
        }
        throw new IllegalStateException("benchmarks-sapl/target/benchmarks-sapl.jar not found: build it with mvn -pl benchmarks-sapl package,"
                + " or set -Dsmpolicy.sapl.home");
    }

    /** @return the clause that denies the request, or null when it is allowed */
    public String decide(Object request) {
        if (request instanceof PublishRequest p) {
            return pdp.apply(Map.of("action", "publish", "resource", Map.of(
                    "accountType", p.account().type().name(),
                    "showsStudent", p.images().stream().anyMatch(i -> i.showsStudents() == Answer.YES))));
        }
        EngagementRequest e = (EngagementRequest) request;
        return pdp.apply(Map.of("action", "engage", "resource", Map.of(
                "accountType", e.account().type().name(),
                "targetIsStudent", e.target().student(),
                "targetRole", e.target().role().name(),
                "targetAgeStatus", e.target().ageStatus().name())));
    }

    @Override
    public void close() throws IOException {
        if (pdp instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing the PDP's reactive sources; nothing to do if it fails
            }
        }
        loader.close();
    }
}
