package org.healthclaims.domain.claim;

/** Why a claim line (or a claim) was rejected, with openIMIS's codes (domain.md §3.4); 0 means accepted. */
public enum RejectionReason {
    REJECTED_BY_AI(-2),
    REJECTED_BY_MEDICAL_OFFICER(-1),
    ACCEPTED(0),
    NOT_IN_REGISTERS(1),
    NOT_IN_PRICE_LIST(2),
    NO_PRODUCT(3),
    PATIENT_CATEGORY(4),
    FREQUENCY(5),
    DUPLICATED(6),
    FAMILY(7),
    ICD_NOT_IN_LIST(8),
    TARGET_DATE(9),
    CARE_TYPE(10),
    MAX_HOSPITAL_ADMISSIONS(11),
    MAX_VISITS(12),
    MAX_CONSULTATIONS(13),
    MAX_SURGERIES(14),
    MAX_DELIVERIES(15),
    MAX_PROVISION(16),
    WAITING_PERIOD(17),
    UNUSED_18(18),
    MAX_ANTENATAL(19),
    INVALID_CLAIM(20),
    NO_COVERAGE(21);

    private static final int OFFSET = 2;
    private static final RejectionReason[] BY_CODE = new RejectionReason[24];

    static {
        for (RejectionReason r : values()) BY_CODE[r.code + OFFSET] = r;
    }

    private final int code;

    RejectionReason(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static RejectionReason ofCode(int code) {
        int i = code + OFFSET;
        RejectionReason r = i >= 0 && i < BY_CODE.length ? BY_CODE[i] : null;
        if (r == null) throw new IllegalArgumentException("unknown rejection reason code " + code);
        return r;
    }
}
