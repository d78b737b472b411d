package org.healthclaims.domain.claim;

/**
 * Review and feedback status of a claim (openIMIS tblClaim.ReviewStatus and FeedbackStatus share these codes):
 * 1 idle, 2 not selected, 4 selected, 8 delivered, 16 bypassed.
 */
public enum ReviewStatus {
    IDLE(1),
    NOT_SELECTED(2),
    SELECTED(4),
    DELIVERED(8),
    BYPASSED(16);

    private static final ReviewStatus[] BY_CODE = new ReviewStatus[17];

    static {
        for (ReviewStatus s : values()) BY_CODE[s.code] = s;
    }

    private final int code;

    ReviewStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static ReviewStatus ofCode(int code) {
        ReviewStatus s = code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
        if (s == null) throw new IllegalArgumentException("unknown review status code " + code);
        return s;
    }
}
