package org.healthclaims.domain.insuree;

/** A policy's status with openIMIS's codes (tblPolicy.PolicyStatus). */
public enum PolicyStatus {
    IDLE(1),
    ACTIVE(2),
    SUSPENDED(4),
    EXPIRED(8),
    READY(16);

    private final int code;

    PolicyStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static PolicyStatus ofCode(int code) {
        for (PolicyStatus s : values()) if (s.code == code) return s;
        throw new IllegalArgumentException("unknown policy status code " + code);
    }
}
