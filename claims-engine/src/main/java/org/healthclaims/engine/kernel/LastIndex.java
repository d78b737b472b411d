package org.healthclaims.engine.kernel;

/**
 * The last index recorded for a key of one or two longs (an insuree; a policy and an insuree), so that a kernel pass
 * can chain each row to the previous row of the same key and walk only those, not every row before it. Open
 * addressing in arrays allocated once for {@code capacity} keys (at most half full); {@link #clear} starts a new
 * round that forgets every key without touching the arrays.
 */
final class LastIndex {

    private final long[] first, second;
    private final int[] index, round;
    private final int mask;
    private int current = 1;

    LastIndex(int capacity) {
        int size = Integer.highestOneBit(Math.max(1, capacity) * 2 - 1) << 1;
        first = new long[size];
        second = new long[size];
        index = new int[size];
        round = new int[size];
        mask = size - 1;
    }

    void clear() {
        if (++current == Integer.MAX_VALUE) {
            java.util.Arrays.fill(round, 0);
            current = 1;
        }
    }

    /** Records {@code at} as the key's last index; answers the index recorded before, or -1. */
    int swap(long a, long b, int at) {
        int slot = hash(a, b) & mask;
        while (true) {
            if (round[slot] != current) {
                round[slot] = current;
                first[slot] = a;
                second[slot] = b;
                index[slot] = at;
                return -1;
            }
            if (first[slot] == a && second[slot] == b) {
                int before = index[slot];
                index[slot] = at;
                return before;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** A 64-bit mix (the finaliser of SplitMix64) of both keys: ids are dense, so low bits alone would cluster. */
    private static int hash(long a, long b) {
        long h = a * 0x9E37_79B9_7F4A_7C15L + b;
        h = (h ^ (h >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        h = (h ^ (h >>> 27)) * 0x94D0_49BB_1331_11EBL;
        return (int) (h ^ (h >>> 31));
    }
}
