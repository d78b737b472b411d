package org.healthclaims.api.demo;

import java.time.Duration;

/** Row counts of one demo data load and the time it took, for the startup log line. */
public record DemoDataSummary(
        int locations,
        int healthFacilities,
        int families,
        int insurees,
        int policies,
        int claims,
        int claimLines,
        Duration took) {}
