package org.healthclaims.load.report;

/** How a figure stands against one row of Table 1. Ordered from best to worst. */
enum Verdict {
    MET_TARGET("met target"),
    MET_THRESHOLD("met threshold only"),
    MISSED("missed"),
    /** No sample of the class, or no monitor file for the deadlocks: neither passes nor fails the run. */
    NOT_MEASURED("not measured");

    final String text;

    Verdict(String text) {
        this.text = text;
    }

    /** The worse of two verdicts; a measured one wins over "not measured". */
    Verdict worse(Verdict other) {
        if (this == NOT_MEASURED) return other;
        if (other == NOT_MEASURED) return this;
        return compareTo(other) >= 0 ? this : other;
    }

    /** {@code measured <= target} meets the target, {@code <= threshold} the threshold only. */
    static Verdict of(long measured, long target, long threshold) {
        if (measured <= target) return MET_TARGET;
        return measured <= threshold ? MET_THRESHOLD : MISSED;
    }
}
