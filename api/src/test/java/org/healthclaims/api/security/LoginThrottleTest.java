package org.healthclaims.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    /** A clock the test moves by hand. */
    static final class TestClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final TestClock clock = new TestClock();
    final LoginThrottle throttle =
            new LoginThrottle(new LoginThrottle.LoginProperties(3, 5, Duration.ofSeconds(60)), clock);

    @Test
    void a_user_is_locked_out_after_the_limit_of_wrong_passwords_until_the_lockout_ends() {
        for (int i = 0; i < 3; i++) {
            throttle.check("kemi", "10.0.0.1");
            throttle.failed("kemi", "10.0.0.1");
        }

        assertThatThrownBy(() -> throttle.check("Kemi", "10.0.0.2"))
                .isInstanceOf(TooManyAttempts.class)
                .satisfies(e ->
                        assertThat(((TooManyAttempts) e).retryAfterSeconds()).isEqualTo(60));
        clock.now = clock.now.plusSeconds(61);
        assertThatCode(() -> throttle.check("kemi", "10.0.0.2")).doesNotThrowAnyException();
    }

    @Test
    void a_success_clears_the_users_count_and_successes_are_never_counted() {
        throttle.failed("tobi", null);
        throttle.failed("tobi", null);
        throttle.succeeded("tobi");
        throttle.failed("tobi", null);
        for (int i = 0; i < 1000; i++) throttle.succeeded("tobi");

        assertThatCode(() -> throttle.check("tobi", null)).doesNotThrowAnyException();
    }

    @Test
    void one_address_guessing_many_user_names_is_locked_out_too() {
        for (int i = 0; i < 5; i++) throttle.failed("user" + i, "10.0.0.9");

        assertThatThrownBy(() -> throttle.check("someone-else", "10.0.0.9")).isInstanceOf(TooManyAttempts.class);
        assertThatCode(() -> throttle.check("someone-else", "10.0.0.10")).doesNotThrowAnyException();
    }
}
