package org.healthclaims.engine.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EpochDaysTest {

    @Test
    void adding_months_agrees_with_java_time_on_random_days_including_month_ends() {
        Random random = new Random(42);
        for (int i = 0; i < 200_000; i++) {
            LocalDate day = LocalDate.ofEpochDay(random.nextInt(-200_000, 200_000));
            int months = random.nextInt(-40, 40);

            assertThat(EpochDays.plusMonths((int) day.toEpochDay(), months))
                    .as("%s plus %d months", day, months)
                    .isEqualTo((int) day.plusMonths(months).toEpochDay());
        }
        assertThat(EpochDays.plusMonths((int) LocalDate.of(2025, 1, 31).toEpochDay(), 1))
                .isEqualTo((int) LocalDate.of(2025, 2, 28).toEpochDay());
    }
}
