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
 * removed at logout (a replayed cookie then finds nothing), expired after {@link SessionPolicy#idle()} without use or
 * {@link SessionPolicy#absolute()} after sign-in, and all of a user's removed when their password changes. Expired
 * sessions are purged at most once a minute when a session starts, so the map holds only live ones and those of the
 * last minute.
 */
public final class SessionStore {
    private static final Duration PURGE_EVERY = Duration.ofMinutes(1);

    private final Clock clock;
    private final SessionPolicy policy;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private volatile Instant lastPurge = Instant.MIN;

    private record Session(String username, Instant started, Instant lastUsed) {}

    /** A live session: whose, and since when (a password changed since ends it). */
    public record Active(String username, Instant started) {}

    public SessionStore(Clock clock) {
        this(clock, SessionPolicy.defaults());
    }

    public SessionStore(Clock clock, SessionPolicy policy) {
        this.clock = requireNonNull(clock, "clock");
        this.policy = requireNonNull(policy, "policy");
    }

    /** Starts a session; returns its id. */
    public String start(String username) {
        Instant now = clock.instant();
        purgeExpired(now);
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        sessions.put(id, new Session(username, now, now));
        return id;
    }

    /** The live session with this id, refreshing its idle timer. */
    public Optional<Active> user(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Session session = sessions.get(id);
        if (session == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (expired(session, now)) {
            sessions.remove(id);
            return Optional.empty();
        }
        sessions.replace(id, session, new Session(session.username(), session.started(), now));
        return Optional.of(new Active(session.username(), session.started()));
    }

    public void end(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    /** Ends every session of a user (their password changed, or they were disabled); returns how many. */
    public int endAll(String username) {
        int before = sessions.size();
        sessions.values().removeIf(session -> session.username().equals(username));
        return Math.max(0, before - sessions.size());
    }

    /** Sessions held now, expired ones not yet purged included (for tests of the bound). */
    int size() {
        return sessions.size();
    }

    private boolean expired(Session session, Instant now) {
        return !session.lastUsed().plus(policy.idle()).isAfter(now)
                || !session.started().plus(policy.absolute()).isAfter(now);
    }

    private void purgeExpired(Instant now) {
        if (lastPurge.plus(PURGE_EVERY).isAfter(now)) {
            return;
        }
        lastPurge = now;
        sessions.values().removeIf(session -> expired(session, now));
    }
}
