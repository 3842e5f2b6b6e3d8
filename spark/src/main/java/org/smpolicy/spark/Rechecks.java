package org.smpolicy.spark;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.SparkSession;
import org.smpolicy.SocialMediaPolicy;
import org.smpolicy.diagnostic.InvalidRequestException;
import org.smpolicy.recheck.FactChange;
import org.smpolicy.recheck.Published;
import org.smpolicy.recheck.RecheckReport;
import org.smpolicy.recheck.RegisterLines;
import scala.Tuple2;

/**
 * {@code --recheck CHANGES}: the published register of a trust's whole history as the input, a
 * change file (small, read on the driver and shipped as text) beside it. Each partition re-checks
 * its own items and sends back only how many it read and touched and the lines of the items it
 * reports; the driver decides those few again and writes the report the command line writes
 * ({@code smpolicy recheck --format json}) to {@code _recheck.json} in the output directory. Exits 1
 * when an item must come down, 2 on a bad line (one line each, the rest is still re-checked).
 */
final class Rechecks {

    /** The report's file name in the output directory. */
    static final String RECHECK_FILE = "_recheck.json";

    /** Most bad lines printed: the count says the rest. */
    static final int MAX_ERRORS_SHOWN = 20;

    private Rechecks() {
    }

    /** What one partition found: items read, items touched, the reported items' lines, the bad lines. */
    record Part(long items, long touched, List<Tuple2<Long, String>> reported, List<String> errors) implements java.io.Serializable {
    }

    static int run(SparkSession spark, RedecideJob.Job job, PrintStream out, PrintStream err) {
        List<String> changeLines;
        try {
            changeLines = Files.readAllLines(Path.of(job.recheck()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println("smpolicy-spark: " + job.recheck() + ": cannot be read (" + e.getClass().getSimpleName() + ")");
            return 2;
        }
        List<FactChange> changes = new ArrayList<>();
        for (int i = 0; i < changeLines.size(); i++) {
            if (changeLines.get(i).isBlank()) {
                continue;
            }
            try {
                changes.add(RedecideJob.JSON.readChange(changeLines.get(i)));
            } catch (InvalidRequestException e) {
                err.println("smpolicy-spark: " + job.recheck() + ":" + (i + 1) + ": " + e.getMessage());
                return 2;
            }
        }
        List<String> shippedChanges = changeLines.stream().filter(l -> !l.isBlank()).toList();
        JavaRDD<Tuple2<String, Long>> lines = RedecideJob.lines(spark, job);
        long started = System.nanoTime();
        List<Part> parts = lines.mapPartitions((Iterator<Tuple2<String, Long>> it) -> {
            SocialMediaPolicy policy = RedecideJob.policy(job.profileFiles(), job.now());
            List<FactChange> ch = shippedChanges.stream().map(RedecideJob.JSON::readChange).toList();
            // As the command line: only the lines that name a changed person are read in full; the rest are counted.
            RegisterLines touchable = RegisterLines.naming(ch.stream().map(FactChange::ref).toList());
            long unread = 0;
            List<Published> items = new ArrayList<>();
            java.util.Map<String, Tuple2<Long, String>> byId = new java.util.HashMap<>();
            List<String> errors = new ArrayList<>();
            while (it.hasNext()) {
                Tuple2<String, Long> t = it.next();
                long number = t._2() + 1;
                if (t._1().isBlank()) {
                    continue;
                }
                if (!touchable.mustRead(t._1())) {
                    unread++;
                    continue;
                }
                try {
                    Published p = RedecideJob.JSON.readPublished(t._1(), number);
                    items.add(p);
                    byId.put(p.id(), new Tuple2<>(number, t._1()));
                } catch (InvalidRequestException e) {
                    errors.add("line " + number + ": " + e.getMessage());
                }
            }
            RecheckReport r = policy.recheck(items, ch, job.now());
            List<Tuple2<Long, String>> reported = r.reported().stream().map(i -> byId.get(i.id())).toList();
            return List.of(new Part(items.size() + unread, r.touched(), new ArrayList<>(reported), errors)).iterator();
        }, true).collect();
        long items = parts.stream().mapToLong(Part::items).sum();
        long touched = parts.stream().mapToLong(Part::touched).sum();
        List<String> errors = parts.stream().flatMap(p -> p.errors().stream()).toList();
        // The few reported items decided again on the driver, in input order: the same report the command line writes.
        List<Published> reported = new ArrayList<>();
        parts.stream().flatMap(p -> p.reported().stream()).sorted(java.util.Comparator.comparing(Tuple2::_1))
                .forEach(t -> reported.add(RedecideJob.JSON.readPublished(t._2(), t._1())));
        SocialMediaPolicy policy = RedecideJob.policy(job.profileFiles(), job.now());
        RecheckReport again = policy.recheck(reported, changes, job.now());
        RecheckReport report = new RecheckReport(job.now(), items, touched, again.reported());
        org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(job.output(), RECHECK_FILE);
        try (OutputStream o = file.getFileSystem(spark.sparkContext().hadoopConfiguration()).create(file, false)) {
            o.write((RedecideJob.JSON.writeRecheck(report) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            err.println("smpolicy-spark: " + job.output() + ": cannot write " + RECHECK_FILE + " (" + e.getClass().getSimpleName() + ")");
            return 2;
        }
        errors.stream().limit(MAX_ERRORS_SHOWN).forEach(e -> err.println("smpolicy-spark: " + job.input() + ": " + e));
        if (errors.size() > MAX_ERRORS_SHOWN) {
            err.println("smpolicy-spark: " + (errors.size() - MAX_ERRORS_SHOWN) + " more bad lines");
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        out.printf("re-checked %d published items against %d changes in %.1f s: %d touched, %d reported, %s (%s)%n", items, changes.size(),
                seconds, touched, report.reported().size(), report.anyMustComeDown() ? "some must come down" : "none must come down", file);
        return !errors.isEmpty() ? 2 : report.anyMustComeDown() ? 1 : 0;
    }
}
