package cn.xiaoan.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-22T08:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(LoginThrottle.Policy.defaults(), clock);

    @Test
    void refusesTheSixthAttemptAfterFiveFailuresWithinAMinute() {
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.attempt("wang", "10.0.0.1")).isInstanceOf(LoginThrottle.Decision.Allowed.class);
            clock.advance(Duration.ofSeconds(5));
        }
        LoginThrottle.Decision sixth = throttle.attempt("wang", "10.0.0.1");
        assertThat(sixth).isInstanceOf(LoginThrottle.Decision.Refused.class);
        // locked 10 s after the fifth failure, 5 s of which have passed
        assertThat(((LoginThrottle.Decision.Refused) sixth).retryAfterSeconds()).isEqualTo(5);
        // the user is locked from any address, not just this one
        assertThat(throttle.attempt("WANG", "10.9.9.9")).isInstanceOf(LoginThrottle.Decision.Refused.class);
    }

    @Test
    void doublesTheDelayWithEveryFurtherFailureUpToTheLongest() {
        for (int i = 0; i < 5; i++) {
            throttle.attempt("wang", "10.0.0.1");
        }
        long[] expected = {10, 20, 40, 80, 160, 320, 640, 900, 900};
        for (long seconds : expected) {
            var refused = (LoginThrottle.Decision.Refused) throttle.attempt("wang", "10.0.0.1");
            assertThat(refused.retryAfterSeconds()).isEqualTo(seconds);
            clock.advance(Duration.ofSeconds(seconds));
            assertThat(throttle.attempt("wang", "10.0.0.1")).isInstanceOf(LoginThrottle.Decision.Allowed.class);
        }
    }

    @Test
    void forgetsAUsersFailuresAtASuccessAndAfterTheWindow() {
        for (int i = 0; i < 4; i++) {
            throttle.attempt("wang", "10.0.0.1");
        }
        throttle.attempt("wang", "10.0.0.1");
        clock.advance(Duration.ofSeconds(10));
        assertThat(throttle.attempt("wang", "10.0.0.1")).isInstanceOf(LoginThrottle.Decision.Allowed.class);
        throttle.succeeded("wang", "10.0.0.1");
        for (int i = 0; i < 4; i++) {
            assertThat(throttle.attempt("wang", "10.0.0.1")).isInstanceOf(LoginThrottle.Decision.Allowed.class);
        }
        clock.advance(Duration.ofMinutes(16));
        for (int i = 0; i < 4; i++) {
            assertThat(throttle.attempt("wang", "10.0.0.1")).isInstanceOf(LoginThrottle.Decision.Allowed.class);
        }
    }

    @Test
    void limitsOneAddressGuessingManyUsers() {
        for (int i = 0; i < 20; i++) {
            assertThat(throttle.attempt("user" + i, "203.0.113.7")).isInstanceOf(LoginThrottle.Decision.Allowed.class);
        }
        assertThat(throttle.attempt("someone-else", "203.0.113.7")).isInstanceOf(LoginThrottle.Decision.Refused.class);
        assertThat(throttle.attempt("someone-else", "203.0.113.8")).isInstanceOf(LoginThrottle.Decision.Allowed.class);
    }

    @Test
    void countsAttemptsInFlightSoParallelGuessesCannotSlipPast() {
        // five attempts started, none finished yet: the sixth is refused before any hash could have failed
        for (int i = 0; i < 5; i++) {
            throttle.attempt("wang", "10.0.0." + i);
        }
        assertThat(throttle.attempt("wang", "10.0.0.99")).isInstanceOf(LoginThrottle.Decision.Refused.class);
    }

    @Test
    void staysBoundedInMemory() {
        var small = new LoginThrottle(
                new LoginThrottle.Policy(
                        5, 20, Duration.ofMinutes(15), Duration.ofSeconds(10), Duration.ofMinutes(15), 100),
                clock);
        for (int i = 0; i < 10_000; i++) {
            small.attempt("user" + i, "198.51.100." + (i % 250));
        }
        assertThat(small.size()).isLessThanOrEqualTo(100);
        clock.advance(Duration.ofHours(1));
        small.attempt("late", "192.0.2.1");
        assertThat(small.size()).isLessThanOrEqualTo(100);
    }
}
