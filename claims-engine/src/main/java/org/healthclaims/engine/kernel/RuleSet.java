package org.healthclaims.engine.kernel;

/**
 * Which of openIMIS's two rule sets the kernel follows where they differ (domain.md §4.1, §4.7): the modular
 * (Python) rules, the default, or the legacy stored procedures (CLAIMS_ENGINE_RULES=legacy).
 */
public enum RuleSet {
    MODULAR,
    LEGACY
}
