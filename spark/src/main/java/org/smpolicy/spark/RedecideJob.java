package org.smpolicy.spark;

import java.io.PrintStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.LongAccumulator;
import org.smpolicy.JsonLinesDecider;
import org.smpolicy.PolicyInvariants;
import org.smpolicy.SocialMediaPolicy;
import org.smpolicy.decision.Decision;
import org.smpolicy.decision.PolicyImpact;
import org.smpolicy.diagnostic.PolicyException;
import org.smpolicy.json.JsonCodec;
import org.smpolicy.model.PolicyRequest;
import scala.Tuple2;

/**
 * Re-decides a corpus of requests on Apache Spark: JSON lines (one request per line, as
 * {@code smpolicy decide --jsonl} reads them, or the decision log written with requests, whose
 * lines are read as their request, as {@code smpolicy impact} does) or Parquet with a {@code request} column (a JSON
 * string, or a struct written out as JSON). Each executor JVM builds its policy once and decides
 * every line of its partitions with it; the output directory holds, part file by part file in
 * input order, exactly the lines {@code decide --jsonl} prints for the same input. With
 * {@code --impact-to}, each request is also decided under a second rule base and the impact report
 * (as {@code smpolicy impact --format json}, examples by line number) is written beside them.
 *
 * <pre>
 * java -jar spark/target/smpolicy-spark.jar --master 'local[2]' \
 *     --input examples/corpus/requests.jsonl --output /tmp/decisions [--profile DIR] [--now T] \
 *     [--format jsonl|parquet] [--partitions N] [--impact-to DIR|baseline]
 * </pre>
 *
 * <p>Exit codes as the command line's: 0 done, 1 some lines failed (their error objects are in
 * the output) or a decision protecting a child became more permissive, 2 bad usage or input.
 */
public final class RedecideJob {

    /**
     * What the job does, shipped to the executors ({@code impactTo} null when no impact is asked
     * for). {@code profile} and {@code impactTo} name the rule bases as the user gave them (a
     * directory on the driver, or {@code baseline}); their files travel in {@code profileFiles} and
     * {@code impactFiles}, because an executor on another machine has no such directory.
     */
    record Job(String input, String output, String format, String profile, Instant now, String master,
               String impactTo, int partitions, ShippedProfile profileFiles, ShippedProfile impactFiles, String recheck)
            implements Serializable {
        Optional<String> impact() {
            return Optional.ofNullable(impactTo);
        }

        /** @return this job with the profiles' files read on the driver */
        Job shipped() throws java.io.IOException {
            return new Job(input, output, format, profile, now, master, impactTo, partitions, ShippedProfile.read(profile),
                    impactTo == null ? null : ShippedProfile.read(impactTo), recheck);
        }
    }

    /**
     * A school profile's files, read on the driver and read again as data on each executor JVM
     * that needs it ({@code SchoolProfile.read}): {@code profile.json}, the overlays and any holiday feed.
     *
     * @param label the profile as the user named it
     * @param files file name to content; empty for the baseline
     */
    record ShippedProfile(String label, java.util.TreeMap<String, byte[]> files) implements Serializable {
        /** Most bytes shipped: a profile is at most 1 MiB of files the library reads. */
        static final long MAX_BYTES = 2L * 1024 * 1024;

        static ShippedProfile read(String profile) throws java.io.IOException {
            java.util.TreeMap<String, byte[]> files = new java.util.TreeMap<>();
            if (!"baseline".equals(profile)) {
                long total = 0;
                try (java.util.stream.Stream<java.nio.file.Path> list = java.nio.file.Files.list(java.nio.file.Path.of(profile))) {
                    for (java.nio.file.Path f : list.sorted().toList()) {
                        String name = f.getFileName().toString();
                        if ((name.endsWith(".json") || name.endsWith(".drl"))
                                && java.nio.file.Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                            byte[] bytes = java.nio.file.Files.readAllBytes(f);
                            total += bytes.length;
                            if (total > MAX_BYTES) {
                                throw new java.io.IOException(profile + ": more than " + MAX_BYTES + " bytes of profile files");
                            }
                            files.put(name, bytes);
                        }
                    }
                }
            }
            return new ShippedProfile(profile, files);
        }

        String key(Instant now) {
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            files.forEach((k, v) -> {
                crc.update(k.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                crc.update(v);
            });
            return label + "#" + files.size() + "#" + crc.getValue() + "@" + now;
        }
    }

    /** The impact report's file name in the output directory (Hadoop's readers skip names starting with {@code _}). */
    static final String IMPACT_FILE = "_impact.json";

    private RedecideJob() {
    }

    /**
     * @param args the arguments
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs the job.
     *
     * @param args the arguments
     * @param out  receives the summary
     * @param err  receives problems, one line each
     * @return the exit code
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (java.util.Arrays.asList(args).contains("--help") || java.util.Arrays.asList(args).contains("-h")) {
            out.println("usage: --input PATH --output DIR [--format jsonl|parquet] [--profile DIR] [--now ISO-INSTANT]"
                    + " [--master URL] [--partitions N] [--impact-to DIR|baseline | --recheck CHANGES]");
            out.println("Re-decides a corpus (JSON lines of requests or decision-log lines, or Parquet with a `request` column)");
            out.println("and writes exactly the lines `smpolicy decide --jsonl` writes, in input order; with --impact-to, the");
            out.println("impact report between the two rule bases. With --recheck CHANGES the input is a published register and");
            out.println("the output directory gets _recheck.json, the report `smpolicy recheck --format json` writes (1: an item");
            out.println("must come down). Exit codes: 0 done, 1 lines failed or a decision protecting a child became more");
            out.println("permissive, 2 bad usage or input.");
            return 0;
        }
        Job parsed;
        try {
            parsed = parse(args);
        } catch (IllegalArgumentException e) {
            err.println("smpolicy-spark: " + e.getMessage());
            err.println("usage: --input PATH --output DIR [--format jsonl|parquet] [--profile DIR] [--now ISO-INSTANT]"
                    + " [--master URL] [--partitions N] [--impact-to DIR|baseline | --recheck CHANGES]");
            return 2;
        }
        Job job;
        try {
            // Fail here, on the driver, with the command line's message, before any executor starts.
            policy(parsed.profile(), parsed.now());
            parsed.impact().ifPresent(p -> policy(p, parsed.now()));
            job = parsed.shipped();
        } catch (PolicyException e) {
            err.println("smpolicy-spark: " + e.getMessage());
            return 2;
        } catch (java.io.IOException e) {
            err.println("smpolicy-spark: " + parsed.profile() + ": cannot be read (" + e.getMessage() + ")");
            return 2;
        }
        if (System.getProperty("io.netty.tryReflectionSetAccessible") == null) {
            System.setProperty("io.netty.tryReflectionSetAccessible", "true");
        }
        SparkSession.Builder builder = SparkSession.builder().appName("smpolicy-redecide").config("spark.ui.enabled", "false");
        if (job.master() != null) {
            builder.master(job.master());
            if (job.master().startsWith("local")) {
                // one machine: no need to find a routable address for the driver
                builder.config("spark.driver.bindAddress", "127.0.0.1").config("spark.driver.host", "127.0.0.1");
            }
            List<String> jars = ClusterJars.toShip(job.master());
            if (!jars.isEmpty()) {
                builder.config("spark.jars", String.join(",", jars));
            }
        }
        SparkSession spark = builder.getOrCreate();
        try {
            return run(spark, job, out, err);
        } finally {
            spark.stop();
        }
    }

    static int run(SparkSession spark, Job job, PrintStream out, PrintStream err) {
        try {
            Job shipped = job.profileFiles() == null ? job.shipped() : job;
            return shipped.recheck() != null ? Rechecks.run(spark, shipped, out, err) : decide(spark, shipped, out, err);
        } catch (IllegalArgumentException e) {
            err.println("smpolicy-spark: " + e.getMessage());
            return 2;
        } catch (Exception e) {
            // Scala code throws checked exceptions (Hadoop's FileAlreadyExistsException) undeclared;
            // Spark and Hadoop wrap the cause several times; the innermost message says what happened.
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            err.println("smpolicy-spark: the job failed: " + root.getClass().getSimpleName() + ": "
                    + String.valueOf(root.getMessage()).lines().findFirst().orElse(""));
            return 2;
        }
    }

    static int decide(SparkSession spark, Job job, PrintStream out, PrintStream err) {
        JavaRDD<Tuple2<String, Long>> lines = lines(spark, job);
        LongAccumulator failed = spark.sparkContext().longAccumulator("failed lines");
        LongAccumulator decided = spark.sparkContext().longAccumulator("decided lines");
        long started = System.nanoTime();
        // Lazily, line by line: a partition's decisions are never all held in memory. The counters
        // are for the summary (a retried task may count twice); the output itself is exact.
        lines.mapPartitions((Iterator<Tuple2<String, Long>> it) -> {
            SocialMediaPolicy policy = policy(job.profileFiles(), job.now());
            return new Iterator<String>() {
                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public String next() {
                    Tuple2<String, Long> t = it.next();
                    JsonLinesDecider.Line r = JsonLinesDecider.decideLine(policy, JSON, JSON::readCorpusLine, t._1(), t._2() + 1);
                    decided.add(1);
                    if (r.error().isPresent()) {
                        failed.add(1);
                    }
                    return r.output();
                }
            };
        }, true).saveAsTextFile(job.output());
        double seconds = (System.nanoTime() - started) / 1e9;
        out.printf("decided %d lines (%d failed) in %.1f s, %.0f lines/s, %d partitions%n", decided.value(), failed.value(),
                seconds, decided.value() / Math.max(seconds, 1e-9), lines.getNumPartitions());
        int code = failed.value() > 0 ? 1 : 0;
        if (job.impact().isPresent()) {
            PolicyImpact.Report report = impact(lines, job);
            String text = JSON.writeImpact(report, job.profile(), job.impactTo(), i -> "line " + (i + 1));
            org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(job.output(), IMPACT_FILE);
            try (java.io.OutputStream o = file.getFileSystem(spark.sparkContext().hadoopConfiguration()).create(file, true)) {
                o.write((text + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            } catch (java.io.IOException e) {
                err.println("smpolicy-spark: " + job.output() + ": cannot write " + IMPACT_FILE);
                return 2;
            }
            out.println("impact of " + job.impactTo() + " against " + job.profile() + ": " + (report.compared() - report.unchanged())
                    + " of " + report.compared() + " decisions change; " + report.childProtectionLoosened()
                    + " protecting a child become more permissive (" + file + ")");
            if (report.childProtectionLoosened() > 0) {
                code = 1;
            }
        }
        return code;
    }

    private static PolicyImpact.Report impact(JavaRDD<Tuple2<String, Long>> lines, Job job) {
        return lines.mapPartitions((Iterator<Tuple2<String, Long>> it) -> {
            SocialMediaPolicy from = policy(job.profileFiles(), job.now());
            SocialMediaPolicy to = policy(job.impactFiles(), job.now());
            Optional<PolicyInvariants> invariants = PolicyInvariants.on(RedecideJob.class.getClassLoader());
            PolicyImpact.Tally tally = new PolicyImpact.Tally();
            while (it.hasNext()) {
                Tuple2<String, Long> t = it.next();
                PolicyRequest request;
                try {
                    request = JSON.readCorpusLine(t._1());
                } catch (RuntimeException e) {
                    continue;
                }
                Decision a = from.decide(request, job.now());
                Decision b = to.decide(request, job.now());
                tally.add(t._2(), a, b, d -> invariants.map(i -> i.protectsAChild(d)).orElse(true));
            }
            return List.of(tally).iterator();
        }).fold(new PolicyImpact.Tally(), PolicyImpact.Tally::merge).report();
    }

    /** Every input line, blank ones too, with its index (line number minus one), in input order. */
    static JavaRDD<Tuple2<String, Long>> lines(SparkSession spark, Job job) {
        // Through Hadoop's file systems, as Spark reads it: a local path, hdfs://, s3a://, a glob, a comma-separated list.
        org.apache.hadoop.fs.Path out = new org.apache.hadoop.fs.Path(job.output());
        try {
            if (out.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(out)) {
                throw new IllegalArgumentException(job.output() + ": already exists; the job writes a new directory");
            }
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(job.output() + ": cannot be checked (" + e.getClass().getSimpleName() + ")");
        }
        for (String part : paths(job.input())) {
            org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(part);
            org.apache.hadoop.fs.FileStatus[] found;
            try {
                found = path.getFileSystem(spark.sparkContext().hadoopConfiguration()).globStatus(path);
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException(part + ": cannot be read (" + e.getClass().getSimpleName() + ")");
            }
            if (found == null || found.length == 0) {
                throw new IllegalArgumentException(part + ": no such file or directory");
            }
        }
        JavaRDD<String> text;
        if ("parquet".equals(job.format())) {
            Dataset<Row> rows = spark.read().parquet(job.input());
            if (!List.of(rows.columns()).contains("request")) {
                throw new IllegalArgumentException("has no `request` column; columns: " + String.join(", ", rows.columns()));
            }
            DataType type = rows.schema().apply("request").dataType();
            Column request;
            if (type.equals(DataTypes.StringType)) {
                request = functions.col("request");
            } else if (type instanceof StructType) {
                request = functions.to_json(functions.col("request"));
            } else {
                throw new IllegalArgumentException("column `request` must be a JSON string or a struct, found " + type.simpleString());
            }
            text = rows.select(request).javaRDD().map(r -> r.isNullAt(0) ? "" : r.getString(0));
        } else {
            JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            text = job.partitions() > 0 ? sc.textFile(job.input(), job.partitions()) : sc.textFile(job.input());
        }
        // Blank lines too: one output line per input line, as decide --jsonl writes.
        JavaRDD<Tuple2<String, Long>> numbered = text.zipWithIndex().map(t -> t);
        return numbered.cache();
    }

    /** Hadoop's list of input paths: commas separate paths, except inside a glob's braces ({@code {2025,2026}}). */
    static List<String> paths(String input) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth = Math.max(0, depth - 1);
            } else if (c == ',' && depth == 0) {
                out.add(input.substring(start, i));
                start = i + 1;
            }
        }
        out.add(input.substring(start));
        return out;
    }

    static final JsonCodec JSON = JsonCodec.strict();
    private static final Map<String, SocialMediaPolicy> POLICIES = new ConcurrentHashMap<>();

    /** One policy per executor JVM, per rule base and instant: built by the first task that needs it. */
    static SocialMediaPolicy policy(ShippedProfile shipped, Instant now) {
        if (shipped.files().isEmpty()) {
            return policy("baseline", now);
        }
        // The profile's files travel as data and are read as such: nothing is written on the executor.
        return POLICIES.computeIfAbsent(shipped.key(now), k -> SocialMediaPolicy.builder().clock(Clock.fixed(now, ZoneOffset.UTC))
                .profile(org.smpolicy.profile.SchoolProfile.read(shipped.label(), shipped.files())).build());
    }

    /** On the driver: the policy of a profile directory, or the baseline. */
    static SocialMediaPolicy policy(String profile, Instant now) {
        return POLICIES.computeIfAbsent(profile + "@" + now, k -> {
            SocialMediaPolicy.Builder b = SocialMediaPolicy.builder().clock(Clock.fixed(now, ZoneOffset.UTC));
            if (!"baseline".equals(profile)) {
                b.profile(Path.of(profile));
            }
            return b.build();
        });
    }

    static Job parse(String[] args) {
        String input = null;
        String output = null;
        String format = null;
        String profile = "baseline";
        Instant now = null;
        String master = null;
        String impactTo = null;
        String recheck = null;
        int partitions = 0;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("`" + a + "` needs a value");
            }
            String v = args[++i];
            switch (a) {
                case "--input" -> input = v;
                case "--output" -> output = v;
                case "--format" -> {
                    if (!v.equals("jsonl") && !v.equals("parquet")) {
                        throw new IllegalArgumentException("--format `" + v + "`: expected jsonl or parquet");
                    }
                    format = v;
                }
                case "--profile" -> profile = v;
                case "--now" -> {
                    try {
                        now = Instant.parse(v);
                    } catch (DateTimeParseException e) {
                        throw new IllegalArgumentException("--now `" + v + "`: expected an ISO-8601 instant, e.g. 2026-11-25T10:00:00Z");
                    }
                }
                case "--master" -> master = v;
                case "--impact-to" -> impactTo = v;
                case "--recheck" -> recheck = v;
                case "--partitions" -> {
                    try {
                        partitions = Integer.parseInt(v);
                    } catch (NumberFormatException e) {
                        partitions = -1;
                    }
                    if (partitions < 1 || partitions > 100_000) {
                        throw new IllegalArgumentException("--partitions `" + v + "`: expected a whole number from 1 to 100000");
                    }
                }
                default -> throw new IllegalArgumentException("unknown option `" + a + "`");
            }
        }
        if (input == null || output == null) {
            throw new IllegalArgumentException("--input and --output are required");
        }
        if (format == null) {
            format = input.endsWith(".parquet") ? "parquet" : "jsonl";
        }
        // One instant for every executor: chosen on the driver, not read from each executor's clock.
        if (recheck != null && impactTo != null) {
            throw new IllegalArgumentException("--recheck and --impact-to are two jobs: give one");
        }
        return new Job(input, output, format, profile, now == null ? Instant.now() : now, master, impactTo, partitions, null, null, recheck);
    }
}
