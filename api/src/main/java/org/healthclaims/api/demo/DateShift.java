package org.healthclaims.api.demo;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

/**
 * Moves a date of the scenario calendar, where today is 2025-06-15 (domain.md §9), to the calendar of the load day, so
 * that policies cover the real today. Everything is generated in scenario dates and shifted only as it is written.
 */
record DateShift(long days) {

    static final LocalDate SCENARIO_TODAY = LocalDate.of(2025, 6, 15);

    /** When the registers start: §9's price-list details are valid from 2024-01-01; every reference row is too. */
    static final LocalDateTime REGISTERS_SINCE = LocalDateTime.of(2024, 1, 1, 0, 0);

    static DateShift to(LocalDate today) {
        return new DateShift(ChronoUnit.DAYS.between(SCENARIO_TODAY, today));
    }

    LocalDate apply(LocalDate scenarioDate) {
        return scenarioDate.plusDays(days);
    }

    LocalDateTime apply(LocalDateTime scenarioTime) {
        return scenarioTime.plusDays(days);
    }
}
