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
 * The processing step on one batch, one thread, whole ({@link #valuate}) and its element-wise part alone ({@link
 * #lineValues}): batches per second; claim lines per second = score × claims × {@link
 * KernelSamples#LINES_PER_CLAIM} ({@link KernelBench} prints them). The score per line must not fall with the batch
 * size, or some part of the kernel grows faster than the batch (JMH sample 34's lesson). Ten warm-up seconds: on
 * two busy cores C2 took about eight to compile the vector pass, and until then the Vector API runs its boxed Java
 * fallback (hundreds of bytes allocated per line, {@code -prof gc}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class ValuationBenchmark {

    /** Claims per batch: the engine's default (256) and a large one. */
    @Param({"256", "4096"})
    public int claims;

    /** The line values in Vector API lanes or by the scalar reference. */
    @Param({"vector", "scalar"})
    public String lanes = "vector";

    @Param({"MODULAR"})
    public String rules = "MODULAR";

    private ValuationBatch batch = new ValuationBatch(1, 1, 1);
    private RuleSet ruleSet = RuleSet.MODULAR;
    private boolean vector;

    @Setup
    public void build() {
        batch = KernelSamples.valuation(claims, 42L);
        ruleSet = RuleSet.valueOf(rules);
        vector = lanes.equals("vector");
        if (vector && !LineValues.VECTORISED) throw new IllegalStateException("no jdk.incubator.vector in this JVM");
    }

    @Benchmark
    public long valuate() {
        ValuationStep.run(batch, ruleSet, vector);
        // a result the JIT cannot drop (JMH sample 08): the last claim's Approved depends on every line before it
        return batch.approved[batch.claims() - 1] + batch.remunerated[0];
    }

    /** Only the element-wise part, where the lanes are: unit price, quantity × price, fixed cap. */
    @Benchmark
    public long lineValues() {
        LineValues.compute(batch, ruleSet, vector);
        return batch.value[batch.lines() - 1] + batch.value[0];
    }
}
