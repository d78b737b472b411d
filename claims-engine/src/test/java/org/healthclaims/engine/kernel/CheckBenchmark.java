package org.healthclaims.engine.kernel;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The check step on one batch, one thread: batches per second; claim lines per second = score × claims × {@link
 * KernelSamples#LINES_PER_CLAIM}. The check is scalar (branching over lookups), so it has no lanes parameter.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class CheckBenchmark {

    @Param({"256", "4096"})
    public int claims;

    @Param({"MODULAR"})
    public String rules = "MODULAR";

    private CheckBatch batch = new CheckBatch(1, 1, 1);
    private RuleSet ruleSet = RuleSet.MODULAR;

    @Setup
    public void build() {
        batch = KernelSamples.check(claims, 42L);
        ruleSet = RuleSet.valueOf(rules);
    }

    @Benchmark
    public long check() {
        CheckStep.run(batch, ruleSet);
        return batch.approved[batch.claims() - 1] + batch.status[0];
    }
}
