package org.healthclaims.engine.kernel;

/**
 * Which of openIMIS's two rule sets the kernel follows where they differ (domain.md §4.1, §4.7): the modular
 * (Python) rules, the default, or the legacy stored procedures (CLAIMS_ENGINE_RULES=legacy).
 */
public enum RuleSet {
    MODULAR,
    LEGACY;

    /** From a setting's value, {@code modular} or {@code legacy} in any case. */
    public static RuleSet of(String setting) {
        return switch (setting.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "modular" -> MODULAR;
            case "legacy" -> LEGACY;
            default -> throw new IllegalArgumentException("the rules are modular or legacy, not " + setting);
        };
    }
}
