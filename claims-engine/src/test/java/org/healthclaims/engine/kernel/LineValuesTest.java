package org.healthclaims.engine.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.healthclaims.engine.kernel.CheckBatch.NO_AMOUNT;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The vector lanes against the scalar reference, and a JVM without the Vector API. */
class LineValuesTest {

    /** A batch of {@code lines} random lines (fixed seed), 7 to a claim, valued under {@code rules}. */
    static ValuationBatch random(int lines, long seed) {
        Random random = new Random(seed);
        ValuationBatch b = new ValuationBatch(lines / 7 + 1, lines / 7 + 1, Math.max(lines, 1));
        long[] none = {0, 0, 0};
        long[][] unset = {{0, 0, 0}, {0, 0, 0}, {0, 0, 0}};
        for (int l = 0; l < lines; l++) {
            if (l % 7 == 0) {
                b.claim(l, l % 3, random.nextBoolean(), random.nextBoolean(), random.nextBoolean(), 'V');
                b.policy(l, 'I', 1, CheckBatch.NONE, unset, unset, none, none, new long[5], none, none, none, none);
            }
            long qty = 1L + random.nextInt(1_000_000);
            long asked = random.nextInt(100_000_000);
            long list = random.nextInt(10) == 0 ? NO_AMOUNT : random.nextInt(100_000_000);
            char origin = random.nextInt(3) == 0 ? 'O' : 'P';
            boolean fixed = random.nextInt(4) == 0;
            b.line(
                    l,
                    random.nextBoolean(),
                    0,
                    qty,
                    asked,
                    NO_AMOUNT,
                    list,
                    origin,
                    fixed ? 'F' : 'C',
                    fixed ? random.nextInt(50_000_000) : 100_00,
                    (char) 0,
                    (char) 0);
        }
        return b;
    }

    static long[] values(ValuationBatch b) {
        long[] values = new long[b.lines()];
        System.arraycopy(b.value, 0, values, 0, b.lines());
        return values;
    }

    @Test
    void the_vector_lanes_give_the_scalar_reference_s_values_on_a_hundred_thousand_random_lines() {
        assertThat(LineValues.VECTORISED)
                .as("the tests run with --add-modules jdk.incubator.vector")
                .isTrue();
        for (RuleSet rules : RuleSet.values()) {
            ValuationBatch b = random(100_003, 42);
            LineValues.units(b);
            VectorLineValues.compute(b, rules == RuleSet.MODULAR);
            long[] vector = values(b);
            LineValues.scalar(b, rules == RuleSet.MODULAR, 0);

            assertThat(vector).as(rules.name()).isEqualTo(values(b));
        }
    }

    @Test
    void lengths_around_the_lane_count_are_valued_whole() {
        for (int lines : new int[] {0, 1, 3, 4, 5, 7, 8, 9, 11, 16, 17}) {
            ValuationBatch b = random(lines, lines);
            LineValues.units(b);
            VectorLineValues.compute(b, true);
            long[] vector = values(b);
            LineValues.scalar(b, true, 0);
            assertThat(vector).as(lines + " lines").isEqualTo(values(b));
        }
    }

    /** Run in a JVM of its own: prints whether the lanes ran and a checksum of a valued batch. */
    public static void main(String[] args) {
        ValuationBatch b = random(10_007, 7);
        ValuationStep.run(b, RuleSet.MODULAR);
        System.out.println(LineValues.VECTORISED + " " + checksum(b));
    }

    static long checksum(ValuationBatch b) {
        long sum = 0;
        for (int c = 0; c < b.claims(); c++) sum = sum * 31 + b.approved[c];
        for (int l = 0; l < b.lines(); l++) sum = sum * 31 + b.value[l];
        return sum;
    }

    @Test
    void a_jvm_without_the_vector_api_values_with_the_scalar_pass_and_gets_the_same() throws Exception {
        ValuationBatch b = random(10_007, 7);
        ValuationStep.run(b, RuleSet.MODULAR);
        long here = checksum(b);

        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(LineValuesTest.class.getName());
        Process jvm = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(jvm.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        jvm.waitFor();

        assertThat(out).as("the child JVM's output").endsWith("false " + here);
        assertThat(command).noneMatch(arg -> arg.contains("jdk.incubator.vector"));
        assertThat(new File(command.getFirst())).exists();
    }
}
