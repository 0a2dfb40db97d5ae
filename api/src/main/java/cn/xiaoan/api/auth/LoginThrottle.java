package cn.xiaoan.api.auth;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Limits sign-in attempts per username and per client address, so that guessing passwords costs the guesser time and
 * not the server Argon2id hashes. Every attempt is counted as a failure when it starts (so parallel guesses cannot slip
 * past the count while their hashes run); a success then forgets the user's failures and takes its attempt back from
 * the address. Once a key has {@code limit} failures it is locked for a delay that doubles with every further failure;
 * a locked key is refused before any hash is computed. Failures are forgotten {@code window} after the last one (or
 * after the lock ends, if later).
 * Memory is bounded: expired entries go first, and at {@code maxEntries} the least recently used one is dropped.
 */
public final class LoginThrottle {
    /** How strict the throttle is; the address limit is higher because a bureau's office shares one address. */
    public record Policy(
            int userLimit, int addressLimit, Duration window, Duration firstDelay, Duration maxDelay, int maxEntries) {
        public Policy {
            requireNonNull(window, "window");
            requireNonNull(firstDelay, "firstDelay");
            requireNonNull(maxDelay, "maxDelay");
            if (userLimit < 1 || addressLimit < 1 || maxEntries < 2) {
                throw new IllegalArgumentException("Cannot throttle sign-in: limits must be at least 1, entries 2");
            }
            if (window.isNegative()
                    || window.isZero()
                    || firstDelay.isNegative()
                    || maxDelay.compareTo(firstDelay) < 0) {
                throw new IllegalArgumentException(
                        "Cannot throttle sign-in: the window must be positive and the longest delay at least the first");
            }
        }

        /** 5 failures per user, 20 per address, within 15 minutes; then 10 s, doubling, at most 15 minutes. */
        public static Policy defaults() {
            return new Policy(5, 20, Duration.ofMinutes(15), Duration.ofSeconds(10), Duration.ofMinutes(15), 10_000);
        }
    }

    /** Whether an attempt may go ahead, and if not, how long the caller must wait. */
    public sealed interface Decision {
        record Allowed() implements Decision {}

        record Refused(Duration remaining) implements Decision {
            /** Whole seconds to wait, at least 1 (for {@code Retry-After}). */
            public long retryAfterSeconds() {
                return Math.max(1, (remaining.toMillis() + 999) / 1000);
            }
        }
    }

    private static final class Entry {
        int failures;
        Instant lastFailure;
        Instant lockedUntil = Instant.MIN;

        /** Forgotten {@code window} after the last failure or the end of the lock, whichever is later. */
        boolean expired(Instant now, Duration window) {
            return !latest(lastFailure, lockedUntil).plus(window).isAfter(now);
        }
    }

    private final Policy policy;
    private final Clock clock;
    /** In access order, for dropping the least recently used entry when full. */
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(64, 0.75f, true);

    public LoginThrottle(Policy policy, Clock clock) {
        this.policy = requireNonNull(policy, "policy");
        this.clock = requireNonNull(clock, "clock");
    }

    /** Counts an attempt of this user from this address, or refuses it while either is locked. */
    public synchronized Decision attempt(String username, String address) {
        Instant now = clock.instant();
        Entry user = live(userKey(username), now);
        Entry from = live(addressKey(address), now);
        Instant until =
                latest(user == null ? Instant.MIN : user.lockedUntil, from == null ? Instant.MIN : from.lockedUntil);
        if (until.isAfter(now)) {
            return new Decision.Refused(Duration.between(now, until));
        }
        fail(userKey(username), policy.userLimit(), now);
        fail(addressKey(address), policy.addressLimit(), now);
        return new Decision.Allowed();
    }

    /** The attempt succeeded: the user starts afresh, and the address gets its attempt back. */
    public synchronized void succeeded(String username, String address) {
        entries.remove(userKey(username));
        Entry from = entries.get(addressKey(address));
        if (from != null) {
            from.failures = Math.max(0, from.failures - 1);
            if (from.failures < policy.addressLimit()) {
                from.lockedUntil = Instant.MIN;
            }
        }
    }

    /** Entries held now (for tests of the memory bound). */
    synchronized int size() {
        return entries.size();
    }

    private void fail(String key, int limit, Instant now) {
        Entry entry = entries.computeIfAbsent(key, k -> new Entry());
        entry.failures++;
        entry.lastFailure = now;
        if (entry.failures >= limit) {
            entry.lockedUntil = now.plus(delay(entry.failures - limit));
        }
        if (entries.size() > policy.maxEntries()) {
            shrink(now);
        }
    }

    /** {@code firstDelay × 2^n}, capped at {@code maxDelay}. */
    private Duration delay(int beyondLimit) {
        Duration delay = policy.firstDelay();
        for (int i = 0; i < beyondLimit && delay.compareTo(policy.maxDelay()) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(policy.maxDelay()) > 0 ? policy.maxDelay() : delay;
    }

    private Entry live(String key, Instant now) {
        Entry entry = entries.get(key);
        if (entry != null && entry.expired(now, policy.window())) {
            entries.remove(key);
            return null;
        }
        return entry;
    }

    private void shrink(Instant now) {
        entries.values().removeIf(entry -> entry.expired(now, policy.window()));
        Iterator<Map.Entry<String, Entry>> eldest = entries.entrySet().iterator();
        while (entries.size() > policy.maxEntries() && eldest.hasNext()) {
            eldest.next();
            eldest.remove();
        }
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static String userKey(String username) {
        return "user:" + Optional.ofNullable(username).orElse("").strip().toLowerCase(Locale.ROOT);
    }

    private static String addressKey(String address) {
        return "address:" + Optional.ofNullable(address).orElse("");
    }
}
