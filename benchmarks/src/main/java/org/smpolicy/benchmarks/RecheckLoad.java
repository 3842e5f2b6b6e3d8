package org.smpolicy.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.smpolicy.SocialMediaPolicy;
import org.smpolicy.json.JsonCodec;
import org.smpolicy.recheck.FactChange;
import org.smpolicy.recheck.Published;
import org.smpolicy.recheck.RecheckReport;
import org.smpolicy.recheck.RegisterLines;

/**
 * A load benchmark of re-checking (not a test): reads a register and a file of changes as
 * {@code smpolicy recheck} does (only the register lines that name a changed person are read in
 * full) and re-checks, R times in one JVM, printing each round's time: the first is a fresh
 * process's work beyond start-up, the later ones a warm service's. Files from
 * {@link GenerateRegister}. {@code java -cp benchmarks/target/benchmarks.jar
 * org.smpolicy.benchmarks.RecheckLoad published.jsonl changes.jsonl [R]}.
 */
public final class RecheckLoad {

    private RecheckLoad() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        long t0 = System.nanoTime();
        SocialMediaPolicy policy = SocialMediaPolicy.builder().clock(Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC)).build();
        JsonCodec json = JsonCodec.strict();
        System.out.printf("policy build: %.0f ms%n", (System.nanoTime() - t0) / 1e6);
        for (int round = 1; round <= rounds; round++) {
            long start = System.nanoTime();
            List<FactChange> changes = new ArrayList<>();
            for (String line : Files.readAllLines(Path.of(args[1]))) {
                changes.add(json.readChange(line));
            }
            RegisterLines touchable = RegisterLines.naming(changes.stream().map(FactChange::ref).toList());
            List<String> lines = Files.readAllLines(Path.of(args[0]));
            List<Published> register = java.util.stream.IntStream.range(0, lines.size()).parallel()
                    .filter(i -> touchable.mustRead(lines.get(i))).mapToObj(i -> json.readPublished(lines.get(i), i + 1L)).toList();
            long read = System.nanoTime();
            RecheckReport report = policy.recheck(register, changes);
            long end = System.nanoTime();
            System.out.printf("round %d: %,d lines, %,d read in full, %,d touched, %,d reported: read %.2f s, re-check %.2f s, in all %.2f s%n",
                    round, lines.size(), register.size(), report.touched(), report.reported().size(), (read - start) / 1e9, (end - read) / 1e9,
                    (end - start) / 1e9);
        }
        System.out.printf("machine: %d cores, %s %s%n", Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"));
    }
}
