package org.healthclaims.domain.claim;

/** A claim's life-cycle status with openIMIS's numeric codes (tblClaim.ClaimStatus), stored as-is. */
public enum ClaimStatus {
    REJECTED(1),
    ENTERED(2),
    CHECKED(4),
    PROCESSED(8),
    VALUATED(16);

    private static final ClaimStatus[] BY_CODE = new ClaimStatus[17];

    static {
        for (ClaimStatus s : values()) BY_CODE[s.code] = s;
    }

    private final int code;

    ClaimStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static ClaimStatus ofCode(int code) {
        ClaimStatus s = code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
        if (s == null) throw new IllegalArgumentException("unknown claim status code " + code);
        return s;
    }
}
