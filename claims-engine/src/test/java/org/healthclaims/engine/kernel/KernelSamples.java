package org.healthclaims.engine.kernel;

import static org.healthclaims.engine.kernel.CheckBatch.NONE;
import static org.healthclaims.engine.kernel.CheckBatch.NO_AMOUNT;

import java.util.Random;

/**
 * Batches for the kernel's benchmarks, from a fixed seed: claims of {@link #LINES_PER_CLAIM} lines by insurees drawn
 * from 200,000 (four to a family policy), after domain.md §9's products (an insuree deductible, a policy ceiling with
 * extra members, category maximums), with the mix of price origins, limitations, exclusions, checks and candidates
 * a real batch has. Built outside the measured code.
 */
final class KernelSamples {

    static final int LINES_PER_CLAIM = 5;

    private static final long N = NO_AMOUNT;
    private static final char[] CATEGORIES = {'V', 'V', 'C', 'C', 'C', 'S', 'D', 'A', 'H'};

    private KernelSamples() {}

    /** {@code claims} claims of passed lines, ready for the processing step. */
    static ValuationBatch valuation(int claims, long seed) {
        Random random = new Random(seed);
        ValuationBatch b = new ValuationBatch(claims, claims, claims * LINES_PER_CLAIM);
        long[][] deductible = {{N, 100_00, N}, {N, N, N}, {N, N, N}};
        long[][] ceiling = {{N, N, 20_000_00}, {N, N, N}, {N, N, N}};
        long[] extraMember = {2_000_00, N, N}, ceilingCap = {30_000_00, N, N};
        long[] maxAmount = {25_000_00, N, N, N, 2_000_00};
        for (int c = 0; c < claims; c++) {
            long insuree = random.nextInt(200_000);
            boolean hospitalisation = random.nextInt(5) == 0;
            b.claim(
                    c,
                    insuree,
                    hospitalisation,
                    hospitalisation && random.nextBoolean(),
                    random.nextInt(4) != 0,
                    CATEGORIES[random.nextInt(CATEGORIES.length)]);
            long[] previousDeductible = {random.nextInt(100_01), 0, 0};
            long[] previousRemunerated = {random.nextInt(20_000_00), 0, 0};
            b.policy(
                    insuree / 4,
                    'I',
                    1 + random.nextInt(8),
                    6,
                    deductible,
                    ceiling,
                    extraMember,
                    ceilingCap,
                    maxAmount,
                    previousDeductible,
                    previousDeductible,
                    previousRemunerated,
                    previousRemunerated);
            for (int l = 0; l < LINES_PER_CLAIM; l++) {
                long price = 1_00L + random.nextInt(500_00);
                boolean fixed = random.nextInt(5) == 0;
                int origin = random.nextInt(20);
                b.line(
                        c * LINES_PER_CLAIM + l,
                        l >= 2,
                        0,
                        100L * (1 + random.nextInt(10)),
                        price,
                        random.nextInt(10) == 0 ? price / 2 : N,
                        random.nextInt(10) == 0 ? N : price - random.nextInt((int) price),
                        origin < 4 ? 'O' : origin == 4 ? 'R' : 'P',
                        fixed ? 'F' : 'C',
                        fixed ? 1_00 + random.nextInt(300_00) : 50_00 + random.nextInt(50_01),
                        random.nextInt(20) == 0 ? 'B' : (char) 0,
                        random.nextInt(20) == 0 ? 'H' : (char) 0);
            }
        }
        return b;
    }

    /** {@code claims} entered claims with one or two candidate coverages per line, ready for the check step. */
    static CheckBatch check(int claims, long seed) {
        Random random = new Random(seed);
        CheckBatch b = new CheckBatch(claims, claims * LINES_PER_CLAIM, claims * LINES_PER_CLAIM * 2);
        int today = (int) java.time.LocalDate.of(2025, 6, 15).toEpochDay();
        int[] maxClaims = {3, NONE, 1, 4, 2, 10};
        char[] limitation = {'C', 'C', 'C'};
        long[] limit = {100_00, 90_00, 80_00};
        for (int c = 0; c < claims; c++) {
            long insuree = random.nextInt(200_000);
            int from = today - random.nextInt(300);
            boolean hospitalisation = random.nextInt(5) == 0;
            b.claim(
                    c,
                    insuree,
                    random.nextInt(200) != 0,
                    random.nextInt(100) != 0,
                    from,
                    hospitalisation ? from + 1 + random.nextInt(5) : NONE,
                    from + random.nextInt(3),
                    "OOOOER".charAt(random.nextInt(6)),
                    "BBBOI".charAt(random.nextInt(5)),
                    random.nextInt(4) == 0 ? from + random.nextInt(3000) : NONE,
                    random.nextBoolean());
            int[] counted = {random.nextInt(4), 0, random.nextInt(2), 0, random.nextInt(3), random.nextInt(11)};
            for (int l = 0; l < LINES_PER_CLAIM; l++) {
                boolean service = l >= 3;
                int frequency = random.nextInt(4) == 0 ? 7 : 0;
                long price = 1_00L + random.nextInt(500_00);
                b.line(
                        service,
                        random.nextInt(500),
                        random.nextInt(100) != 0,
                        random.nextInt(50) != 0,
                        "BBBBIO".charAt(random.nextInt(6)),
                        service ? "CCCVVOSDA".charAt(random.nextInt(9)) : (char) 0,
                        random.nextInt(20) == 0 ? 6 : 15,
                        frequency,
                        random.nextInt(10) == 0 ? from - random.nextInt(30) : NONE,
                        NONE,
                        100L * (1 + random.nextInt(10)),
                        random.nextInt(20) == 0 ? 100 : N,
                        price,
                        random.nextInt(20) == 0 ? price / 2 : N,
                        price,
                        random.nextInt(100) == 0 ? -1 : 0);
                int candidates = random.nextInt(3) == 0 ? 2 : 1;
                for (int k = 0; k < candidates; k++) {
                    boolean fixed = random.nextInt(4) == 0;
                    b.candidate(
                            insuree / 4 + k,
                            100 + k,
                            from - 300 - random.nextInt(60),
                            from + 60,
                            from - 400,
                            random.nextInt(10) == 0,
                            random.nextInt(3) == 0 ? 3 : NONE,
                            NONE,
                            random.nextInt(5) == 0 ? 10 : NONE,
                            NONE,
                            maxClaims,
                            counted,
                            100L * random.nextInt(10),
                            random.nextInt(5) == 0 ? 'O' : 'P',
                            fixed ? new char[] {'F', 'F', 'F'} : limitation,
                            fixed ? new long[] {50_00, 50_00, 50_00} : limit,
                            limit);
                }
            }
        }
        return b;
    }
}
