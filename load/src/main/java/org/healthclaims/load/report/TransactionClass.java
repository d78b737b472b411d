package org.healthclaims.load.report;

/**
 * The row of the audit's Table 1 a JMeter sampler belongs to, named by its label's prefix ({@code "search: insurees
 * by name"}): the plans put it there so that the report needs no list of sampler names.
 */
enum TransactionClass {
    LOGIN("login"),
    SEARCH("search"),
    ONLINE("online"),
    /** Polling for an adjudication result: not a transaction of its own, counted in the HTTP error rates only. */
    POLL("poll"),
    /** Any other label: judged on errors only. */
    OTHER("other");

    private static final TransactionClass[] BY_ORDINAL = values();

    final String prefix;

    TransactionClass(String prefix) {
        this.prefix = prefix;
    }

    static TransactionClass of(String label) {
        int colon = label.indexOf(": ");
        if (colon > 0) {
            for (TransactionClass c : BY_ORDINAL)
                if (c != OTHER && label.startsWith(c.prefix) && colon == c.prefix.length()) return c;
        }
        return OTHER;
    }

    /** Login, search and online transactions: those Table 1 gives a response time for. */
    boolean isTimed() {
        return this == LOGIN || this == SEARCH || this == ONLINE;
    }

    static TransactionClass ofOrdinal(int ordinal) {
        return BY_ORDINAL[ordinal];
    }
}
