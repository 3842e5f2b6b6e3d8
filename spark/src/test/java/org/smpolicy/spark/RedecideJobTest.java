package org.smpolicy.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smpolicy.PolicyInvariants;
import org.smpolicy.SocialMediaPolicy;
import org.smpolicy.decision.PolicyImpact;
import org.smpolicy.json.JsonCodec;
import org.smpolicy.model.PolicyRequest;

/** The Spark job, in local mode, against {@code smpolicy decide --jsonl} on the same input. */
class RedecideJobTest {

    static final String NOW = "2026-11-25T10:00:00Z";
    static final Path CORPUS = Path.of("../examples/corpus/requests.jsonl");
    static final Path CLI = Path.of("../cli/target/smpolicy.jar");
    static final Path MERRIOTT = Path.of("../examples/schools/merriott");

    static SparkSession spark;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2]").appName("test").config("spark.ui.enabled", "false")
                .config("spark.driver.bindAddress", "127.0.0.1").config("spark.driver.host", "127.0.0.1").getOrCreate();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    record Run(int code, String out, String err) {
    }

    Run job(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8); PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            RedecideJob.Job job;
            try {
                job = RedecideJob.parse(args);
            } catch (IllegalArgumentException x) {
                return new Run(2, "", x.getMessage());
            }
            code = RedecideJob.run(spark, job, o, e);
        }
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** What {@code smpolicy decide --jsonl} prints, run as a person would run it. */
    static List<String> cli(Path input, int expectedCode) throws IOException, InterruptedException {
        assertThat(CLI).as("the command line is built before this module").exists();
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", CLI.toString(),
                "decide", "--jsonl", "--now", NOW, input.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertThat(p.waitFor()).isEqualTo(expectedCode);
        return lines;
    }

    static List<String> output(Path dir) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> parts = Files.list(dir)) {
            for (Path part : parts.filter(f -> f.getFileName().toString().startsWith("part-")).sorted().toList()) {
                lines.addAll(Files.readAllLines(part));
            }
        }
        return lines;
    }

    @Test
    void jsonLinesGiveWhatDecideJsonlPrintsLineForLine() throws Exception {
        // the corpus, a blank line (41) and two bad lines (101 and the last), spread over three partitions
        Path input = tmp.resolve("in.jsonl");
        List<String> lines = new ArrayList<>(Files.readAllLines(CORPUS));
        lines.add(40, "");
        lines.add(100, "{\"type\":\"tweet\"}");
        lines.add("{not json");
        Files.write(input, lines);
        Path out = tmp.resolve("out");
        Run r = job("--input", input.toString(), "--output", out.toString(), "--now", NOW, "--partitions", "3");
        assertThat(r.code()).as(r.err()).isEqualTo(1);
        assertThat(r.out()).contains("decided " + lines.size() + " lines (3 failed)");
        List<String> expected = cli(input, 1);
        assertThat(expected).hasSize(lines.size());
        assertThat(expected.get(40)).isEqualTo("{\"line\":41,\"error\":\"blank line: one request per line\"}");
        assertThat(output(out)).containsExactlyElementsOf(expected);
        assertThat(output(out)).contains("{\"line\":101,\"error\":\"$.type: unknown request type `tweet`; expected one of "
                + JsonCodec.requestTypes() + "\",\"diagnostic\":{\"code\":\"invalid-value\",\"path\":\"$.type\",\"message\":"
                + "\"unknown request type `tweet`; expected one of " + JsonCodec.requestTypes() + "\"}}");
    }

    @Test
    void aDecisionLogWithRequestsIsReDecidedAsItsRequests() throws Exception {
        List<String> requests = Files.readAllLines(CORPUS).subList(0, 40);
        Path plain = tmp.resolve("plain.jsonl");
        Files.write(plain, requests);
        Path log = tmp.resolve("log.jsonl");
        Files.write(log, requests.stream().map(r -> "{\"outcome\":\"ALLOW\",\"request\":" + r + "}").toList());
        Path out = tmp.resolve("out");
        Run r = job("--input", log.toString(), "--output", out.toString(), "--now", NOW);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(output(out)).containsExactlyElementsOf(cli(plain, 0));
    }

    @Test
    void parquetWithARequestColumnGivesTheSame() throws Exception {
        List<String> lines = Files.readAllLines(CORPUS);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            rows.add(RowFactory.create((long) i, lines.get(i)));
        }
        StructType schema = new StructType().add("id", DataTypes.LongType).add("request", DataTypes.StringType);
        Dataset<Row> table = spark.createDataFrame(rows, schema).coalesce(1);
        Path parquet = tmp.resolve("requests.parquet");
        table.write().parquet(parquet.toString());
        Path out = tmp.resolve("out");
        Run r = job("--input", parquet.toString(), "--output", out.toString(), "--now", NOW);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(output(out)).containsExactlyElementsOf(cli(CORPUS, 0));
    }

    @Test
    void theImpactReportIsTheOneMachineReport() throws Exception {
        Path out = tmp.resolve("out");
        Run r = job("--input", CORPUS.toString(), "--output", out.toString(), "--now", NOW, "--partitions", "4",
                "--impact-to", MERRIOTT.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonCodec json = JsonCodec.strict();
        List<PolicyRequest> corpus = new ArrayList<>();
        for (String line : Files.readAllLines(CORPUS)) {
            corpus.add(json.readRequest(line));
        }
        Instant now = Instant.parse(NOW);
        Optional<PolicyInvariants> invariants = PolicyInvariants.on(getClass().getClassLoader());
        PolicyImpact.Report expected = PolicyImpact.compare(RedecideJob.policy("baseline", now)::decide, SocialMediaPolicy.builder()
                        .clock(java.time.Clock.fixed(now, java.time.ZoneOffset.UTC)).profile(MERRIOTT).build()::decide,
                corpus, now, d -> invariants.map(i -> i.protectsAChild(d)).orElse(true));
        assertThat(expected.compared() - expected.unchanged()).isPositive();
        assertThat(Files.readString(out.resolve(RedecideJob.IMPACT_FILE)).strip())
                .isEqualTo(json.writeImpact(expected, "baseline", MERRIOTT.toString(), i -> "line " + (i + 1)));
        assertThat(r.out()).contains("impact of " + MERRIOTT + " against baseline: " + (expected.compared() - expected.unchanged()));
    }

    @Test
    void anEmptyInputDecidesNothingAndReportsNoImpact() throws Exception {
        Path empty = tmp.resolve("empty.jsonl");
        Files.writeString(empty, ""); // (blank lines are lines: each gets its error line, as with decide --jsonl)
        Path out = tmp.resolve("out");
        Run r = job("--input", empty.toString(), "--output", out.toString(), "--now", NOW, "--impact-to", MERRIOTT.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(output(out)).isEmpty();
        assertThat(Files.readString(out.resolve(RedecideJob.IMPACT_FILE))).contains("\"compared\":0");
    }

    @Test
    void theProfileTravelsWithTheJobNotAsADriverPath() throws Exception {
        RedecideJob.Job job = RedecideJob.parse(new String[] {"--input", "x", "--output", "y", "--profile", MERRIOTT.toString()}).shipped();
        assertThat(job.profileFiles().files()).containsKeys("profile.json", "press-photos.drl");
        assertThat(job.impactFiles()).isNull();
        // an executor without the directory builds the same policy from the shipped files
        Instant now = Instant.parse(NOW);
        SocialMediaPolicy shipped = RedecideJob.policy(job.profileFiles(), now);
        SocialMediaPolicy local = SocialMediaPolicy.builder().clock(java.time.Clock.fixed(now, java.time.ZoneOffset.UTC)).profile(MERRIOTT).build();
        JsonCodec json = JsonCodec.strict();
        for (String line : Files.readAllLines(CORPUS)) {
            PolicyRequest request = json.readRequest(line);
            assertThat(json.writeDecision(shipped.decide(request))).isEqualTo(json.writeDecision(local.decide(request)));
        }
    }

    @Test
    void badUsageIsOneLineAndStartsNothing() {
        assertThat(job("--input", CORPUS.toString()).err()).isEqualTo("--input and --output are required");
        Run exists = job("--input", CORPUS.toString(), "--output", tmp.toString());
        assertThat(exists.code()).isEqualTo(2);
        assertThat(exists.err().strip()).isEqualTo("smpolicy-spark: " + tmp + ": already exists; the job writes a new directory");
        assertThat(job("--input", CORPUS.toString(), "--output", "x", "--now", "today").err()).startsWith("--now `today`: expected");
        Run missing = job("--input", tmp.resolve("nope.jsonl").toString(), "--output", tmp.resolve("o").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.jsonl: no such file or directory");
        // an output named by URI is checked through Hadoop's file system too
        Run uri = job("--input", CORPUS.toString(), "--output", tmp.toUri().toString());
        assertThat(uri.code()).isEqualTo(2);
        assertThat(uri.err()).contains("already exists");
        // JSON lines read as Parquet: Spark's refusal is one line, exit 2, no stack trace
        Run notParquet = job("--input", CORPUS.toString(), "--output", tmp.resolve("p").toString(), "--format", "parquet");
        assertThat(notParquet.code()).isEqualTo(2);
        assertThat(notParquet.err().strip()).startsWith("smpolicy-spark: the job failed: ").doesNotContain("\n").doesNotContain("\tat ");
        // a glob with a list in braces is one path, not two
        assertThat(RedecideJob.paths("in/{2025,2026}/*.jsonl,other.jsonl")).containsExactly("in/{2025,2026}/*.jsonl", "other.jsonl");
    }

    @Test
    void aBrokenProfileStopsTheJobBeforeSparkStarts() throws IOException {
        Path broken = Files.createDirectories(tmp.resolve("broken"));
        Files.writeString(broken.resolve("profile.json"), "{\"profileVersion\": 1,\n \"name\": \"B\",\n \"colour\": 1}");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = RedecideJob.run(new String[] {"--input", CORPUS.toString(), "--output", tmp.resolve("o").toString(), "--profile",
                broken.toString()}, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("profile.json:3: unknown field `colour`");
    }

    @Test
    void recheckOverTheRegisterWritesWhatTheCommandLineWrites() throws Exception {
        Path register = tmp.resolve("published.jsonl");
        List<String> lines = new ArrayList<>(Files.readAllLines(Path.of("../examples/recheck/published.jsonl")));
        lines.add(3, "");
        // A line no change names is counted, not read, by both: its unknown field is not an error yet.
        lines.add(4, "{\"id\": \"untouched\", \"publishedAt\": \"2026-10-01T10:00:00Z\", \"request\": {\"type\": \"publish\", \"bogus\": 1}}");
        Files.write(register, lines);
        Path changes = Path.of("../examples/recheck/changes.jsonl");
        Path out = tmp.resolve("recheck");
        Run r = job("--input", register.toString(), "--output", out.toString(), "--now", NOW, "--partitions", "3",
                "--recheck", changes.toString());
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", CLI.toString(),
                "recheck", "--format", "json", "--now", NOW, "--published", register.toString(), "--changes", changes.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String cli = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        int cliCode = p.waitFor();
        assertThat(cli).contains("\"reported\":[{");
        assertThat(r.code()).as(r.err()).isEqualTo(cliCode);
        assertThat(r.out()).contains("re-checked 8 published items against 6 changes");
        assertThat(Files.readString(out.resolve(Rechecks.RECHECK_FILE)).strip()).isEqualTo(cli);
    }

    @Test
    void aBadChangeIsOneLineNamingFileAndLine() throws Exception {
        Path changes = tmp.resolve("changes.jsonl");
        Files.writeString(changes, "{\"change\": \"CONSENT_REFUSED\", \"ref\": \"pupil-1\"}\n{\"change\": \"SHRUG\"}\n");
        Run r = job("--input", "../examples/recheck/published.jsonl", "--output", tmp.resolve("x").toString(), "--now", NOW,
                "--recheck", changes.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("smpolicy-spark: " + changes + ":").doesNotContain("\n");
    }
}
