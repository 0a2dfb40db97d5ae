package cn.xiaoan.api.auth;

import static java.util.Objects.requireNonNull;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Server-side dashboard sessions: a random id in an HttpOnly cookie maps to the user here. A new id at every login,
 * removed at logout (a replayed cookie then finds nothing), expired after a period without use.
 */
public final class SessionStore {
    private static final Duration IDLE = Duration.ofHours(8);

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    private record Session(String username, Instant lastUsed) {}

    public SessionStore(Clock clock) {
        this.clock = requireNonNull(clock, "clock");
    }

    /** Starts a session; returns its id. */
    public String start(String username) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        sessions.put(id, new Session(username, clock.instant()));
        return id;
    }

    /** The user of a live session, refreshing its idle timer. */
    public Optional<String> user(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Session session = sessions.get(id);
        if (session == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (session.lastUsed().plus(IDLE).isBefore(now)) {
            sessions.remove(id);
            return Optional.empty();
        }
        sessions.put(id, new Session(session.username(), now));
        return Optional.of(session.username());
    }

    public void end(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }
}
