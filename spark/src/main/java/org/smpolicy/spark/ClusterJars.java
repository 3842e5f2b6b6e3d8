package org.smpolicy.spark;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What executors on a cluster need besides Spark: the job's own jar and {@code cluster-lib/}
 * beside it (the library and Drools). {@code java -jar smpolicy-spark.jar --master spark://...}
 * starts the driver with them on its class path, but a worker's executors have only Spark's
 * jars: without these they cannot load the job's classes, and Java's serialised lambdas
 * arrive as {@code SerializedLambda} ({@code ClassCastException}). {@code spark-submit} ships
 * them itself ({@code --jars}); so does the job when it is started with {@code java -jar}.
 */
final class ClusterJars {

    private ClusterJars() {
    }

    /**
     * @param master the master URL given with {@code --master}
     * @return the jars to ship as {@code spark.jars}: empty in local mode, under
     *         {@code spark-submit} (it ships its own) and when the job does not run from its jar
     */
    static List<String> toShip(String master) {
        if (master == null || master.startsWith("local") || System.getProperty("spark.jars") != null) {
            return List.of();
        }
        Path self;
        try {
            self = Path.of(RedecideJob.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return List.of();
        }
        if (!Files.isRegularFile(self) || !self.toString().endsWith(".jar")) {
            return List.of();
        }
        List<String> jars = new ArrayList<>();
        jars.add(self.toAbsolutePath().toString());
        Path lib = self.toAbsolutePath().getParent().resolve("cluster-lib");
        if (Files.isDirectory(lib)) {
            try (Stream<Path> s = Files.list(lib)) {
                s.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(p -> jars.add(p.toString()));
            } catch (IOException e) {
                return jars;
            }
        }
        return jars;
    }
}
