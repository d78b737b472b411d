package org.healthclaims.api.security;

/** openIMIS's numeric right codes (tblRoleRight.RightID, domain.md §6.2) that this server checks. */
public final class Rights {

    public static final int FAMILY_SEARCH = 101001;
    public static final int FAMILY_ADD = 101002;
    public static final int FAMILY_EDIT = 101003;
    public static final int FAMILY_DELETE = 101004;
    public static final int INSUREE_SEARCH = 101101;
    public static final int INSUREE_ADD = 101102;
    public static final int INSUREE_EDIT = 101103;
    public static final int INSUREE_DELETE = 101104;
    public static final int INSUREE_ENQUIRE = 101105;
    public static final int POLICY_SEARCH = 101201;
    public static final int INSUREE_POLICY_VIEW = 101500;
    public static final int CLAIM_SEARCH = 111001;
    public static final int CLAIM_ADD = 111002;
    public static final int CLAIM_DELETE = 111004;
    public static final int CLAIM_SUBMIT = 111007;
    public static final int CLAIM_REVIEW = 111008;
    public static final int CLAIM_FEEDBACK = 111009;
    public static final int CLAIM_UPDATE = 111010;
    public static final int CLAIM_PROCESS = 111011;
    public static final int CLAIM_RESTORE = 111012;
    public static final int BATCH_PROCESS = 111101;
    public static final int BATCH_VIEW = 111102;

    private Rights() {}
}
