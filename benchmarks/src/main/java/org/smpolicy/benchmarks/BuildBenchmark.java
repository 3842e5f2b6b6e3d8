package org.smpolicy.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;
import org.smpolicy.SocialMediaPolicy;

/**
 * Rule-base build time in a warm JVM: a fresh KieBase from the prebuilt executable model (what a
 * policy or a reload without overlay costs), and a school profile with a DRL overlay compiled at
 * run time (what a reload of Merriott costs).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class BuildBenchmark {

    @Benchmark
    public KieBase baselineFromPrebuiltModel() {
        return KieServices.get().getKieClasspathContainer().newKieBase("smpolicy", null);
    }

    @Benchmark
    public SocialMediaPolicy schoolProfileWithOverlay() {
        Path merriott = Files.isDirectory(Path.of("examples/schools/merriott")) ? Path.of("examples/schools/merriott")
                : Path.of("../examples/schools/merriott");
        return SocialMediaPolicy.builder().profile(merriott).build();
    }
}
