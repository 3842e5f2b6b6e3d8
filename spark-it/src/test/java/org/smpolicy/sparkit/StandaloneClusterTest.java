package org.smpolicy.sparkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The documented way on a real cluster manager: a standalone Spark master and worker started
 * from Spark's own jars (a Spark home holding only Spark and its dependencies, none of ours) on
 * 127.0.0.1, and the job started as the README says, {@code java -jar smpolicy-spark.jar --master
 * spark://...}. Its executors run in the worker's own JVMs, which know nothing of smpolicy: the
 * job ships its jar and {@code cluster-lib/}. The output must be what {@code decide --jsonl}
 * prints for the same input.
 */
class StandaloneClusterTest {

    static final Path SPARK_TARGET = Path.of("../spark/target").toAbsolutePath().normalize();
    static final Path CLI = Path.of("../cli/target/smpolicy.jar").toAbsolutePath().normalize();
    static final Path CORPUS = Path.of("../examples/corpus/requests.jsonl").toAbsolutePath().normalize();
    static final String NOW = "2026-11-25T10:00:00Z";
    static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    /** What Spark's launcher passes on Java 17. */
    static final List<String> OPENS = Stream.of("java.lang", "java.lang.invoke", "java.lang.reflect", "java.io", "java.net", "java.nio",
            "java.util", "java.util.concurrent", "java.util.concurrent.atomic", "jdk.internal.ref", "sun.nio.ch", "sun.nio.cs",
            "sun.security.action", "sun.util.calendar").map(p -> "--add-opens=java.base/" + p + "=ALL-UNNAMED").toList();

    final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopTheCluster() {
        for (Process p : started) {
            // the worker's executors first: they are its children
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void theJobStartedWithJavaJarDecidesOnAStandaloneWorkerAsDecideJsonlDoes() throws Exception {
        Path jar = SPARK_TARGET.resolve("smpolicy-spark.jar");
        assertThat(jar).as("the spark module is packaged before this one").exists();
        Path work = Path.of("target/cluster").toAbsolutePath();
        deleteTree(work);
        Path home = sparkHome(work.resolve("spark-home"));

        int port = freePort();
        String masterUrl = "spark://127.0.0.1:" + port;
        Path masterLog = work.resolve("master.log");
        start(home, masterLog, "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port", String.valueOf(port),
                "--webui-port", String.valueOf(freePort()));
        awaitLine(masterLog, "I have been elected leader", Duration.ofSeconds(90));
        Path workerLog = work.resolve("worker.log");
        start(home, workerLog, "org.apache.spark.deploy.worker.Worker", masterUrl, "--host", "127.0.0.1", "--cores", "2",
                "--memory", "1g", "--webui-port", String.valueOf(freePort()), "--work-dir", work.resolve("worker").toString());
        awaitLine(workerLog, "Successfully registered with master", Duration.ofSeconds(90));

        Path out = work.resolve("out");
        Path jobLog = work.resolve("job.log");
        ProcessBuilder job = new ProcessBuilder(JAVA, "-jar", jar.toString(), "--master", masterUrl, "--input", CORPUS.toString(),
                "--output", out.toString(), "--now", NOW, "--partitions", "4")
                .redirectErrorStream(true).redirectOutput(jobLog.toFile());
        job.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        Process p = job.start();
        started.add(p);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("the job ends").isTrue();
        String log = Files.readString(jobLog);
        assertThat(p.exitValue()).as(tail(log)).isZero();
        assertThat(log).doesNotContain("SerializedLambda").contains("decided " + Files.readAllLines(CORPUS).size() + " lines");
        // executors ran on the worker, not in the driver
        try (Stream<Path> apps = Files.list(work.resolve("worker"))) {
            assertThat(apps.filter(a -> a.getFileName().toString().startsWith("app-")).toList()).as("the worker ran an executor").hasSize(1);
        }
        assertThat(parts(out)).containsExactlyElementsOf(decideJsonl());
    }

    /** A Spark home with Spark's jars only: the job's runtime class path without what it ships itself. */
    static Path sparkHome(Path home) throws IOException {
        Path jars = Files.createDirectories(home.resolve("jars"));
        Set<String> ours = new HashSet<>();
        try (Stream<Path> s = Files.list(SPARK_TARGET.resolve("cluster-lib"))) {
            s.forEach(f -> ours.add(f.getFileName().toString()));
        }
        assertThat(ours).as("cluster-lib holds the library and Drools").contains("smpolicy-core-0.1.0-SNAPSHOT.jar");
        try (Stream<Path> s = Files.list(SPARK_TARGET.resolve("lib"))) {
            for (Path f : s.filter(f -> !ours.contains(f.getFileName().toString())).toList()) {
                Files.createSymbolicLink(jars.resolve(f.getFileName()), f.toAbsolutePath());
            }
        }
        // Spark's launcher takes a home with a RELEASE file to be a distribution, its jars in jars/
        Files.writeString(home.resolve("RELEASE"), "Spark (jars from the Maven build, for smpolicy's cluster test)\n");
        return home;
    }

    void start(Path home, Path log, String main, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(JAVA, "-Xmx512m"));
        cmd.addAll(OPENS);
        cmd.addAll(List.of("-cp", home.resolve("jars") + "/*", main));
        cmd.addAll(List.of(args));
        ProcessBuilder b = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        b.environment().put("SPARK_HOME", home.toString());
        // the launcher asks it of a home that is not a source build
        b.environment().put("SPARK_SCALA_VERSION", "2.13");
        b.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        b.environment().put("SPARK_LOCAL_DIRS", home.resolveSibling("tmp").toString());
        started.add(b.start());
    }

    static void awaitLine(Path log, String text, Duration within) throws Exception {
        long end = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < end) {
            if (Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains(text)) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no `" + text + "` in " + log + " within " + within + ":\n" + tail(Files.exists(log) ? Files.readString(log) : ""));
    }

    static List<String> decideJsonl() throws Exception {
        Process p = new ProcessBuilder(JAVA, "-jar", CLI.toString(), "decide", "--jsonl", "--now", NOW, CORPUS.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertThat(p.waitFor()).isZero();
        assertThat(lines).hasSize(Files.readAllLines(CORPUS).size());
        return lines;
    }

    static List<String> parts(Path dir) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> parts = Files.list(dir)) {
            for (Path part : parts.filter(f -> f.getFileName().toString().startsWith("part-")).sorted().toList()) {
                lines.addAll(Files.readAllLines(part));
            }
        }
        return lines;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static String tail(String log) {
        List<String> lines = log.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
