package cn.xiaoan.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SessionStoreTest {
    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-22T08:00:00Z"));
    private final SessionStore sessions = new SessionStore(clock, SessionPolicy.defaults());

    @Test
    void endsASessionAfterTwoIdleHours() {
        String id = sessions.start("wang");
        clock.advance(Duration.ofMinutes(119));
        assertThat(sessions.user(id)).map(SessionStore.Active::username).contains("wang");
        clock.advance(Duration.ofMinutes(119));
        assertThat(sessions.user(id)).isPresent();
        clock.advance(Duration.ofHours(2));
        assertThat(sessions.user(id)).isEmpty();
    }

    @Test
    void endsABusySessionTwelveHoursAfterSignIn() {
        String id = sessions.start("wang");
        for (int i = 0; i < 11; i++) {
            clock.advance(Duration.ofHours(1));
            assertThat(sessions.user(id)).as("hour %d", i + 1).isPresent();
        }
        clock.advance(Duration.ofHours(1));
        assertThat(sessions.user(id)).isEmpty();
    }

    @Test
    void endsEverySessionOfAUser() {
        String first = sessions.start("wang");
        String second = sessions.start("wang");
        String other = sessions.start("li");
        assertThat(sessions.endAll("wang")).isEqualTo(2);
        assertThat(sessions.user(first)).isEmpty();
        assertThat(sessions.user(second)).isEmpty();
        assertThat(sessions.user(other)).isPresent();
    }

    @Test
    void purgesExpiredSessionsNobodyAsksForAgain() {
        for (int i = 0; i < 1000; i++) {
            sessions.start("user" + i);
        }
        clock.advance(Duration.ofHours(3));
        sessions.start("late");
        assertThat(sessions.size()).isEqualTo(1);
    }

    @Test
    void refusesAnIdleTimeoutLongerThanTheLifetime() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> new SessionPolicy(Duration.ofHours(13), Duration.ofHours(12)))
                .hasMessageContaining("no longer than the absolute lifetime");
    }
}
