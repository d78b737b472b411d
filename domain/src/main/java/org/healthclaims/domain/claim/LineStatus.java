package org.healthclaims.domain.claim;

/** Status of a claim item or service line (openIMIS ClaimItemStatus / ClaimServiceStatus). */
public enum LineStatus {
    PASSED(1),
    REJECTED(2);

    private final int code;

    LineStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static LineStatus ofCode(int code) {
        return switch (code) {
            case 1 -> PASSED;
            case 2 -> REJECTED;
            default -> throw new IllegalArgumentException("unknown claim line status code " + code);
        };
    }
}
