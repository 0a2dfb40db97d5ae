package cn.xiaoan.api.auth;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * A user: role, scope and an Argon2id password hash; a disabled user can neither sign in nor use tokens. Sessions
 * started before {@code passwordChangedAt} are no longer honoured.
 */
public record UserAccount(
        String username,
        Role role,
        Scope scope,
        String passwordHash,
        boolean disabled,
        Instant createdAt,
        Optional<Instant> passwordChangedAt) {
    public UserAccount {
        requireNonNull(username, "username");
        requireNonNull(role, "role");
        requireNonNull(scope, "scope");
        requireNonNull(passwordHash, "passwordHash");
        requireNonNull(createdAt, "createdAt");
        requireNonNull(passwordChangedAt, "passwordChangedAt");
        if (role == Role.PUBLIC) {
            throw new IllegalArgumentException("Cannot give user " + username + " the role PUBLIC");
        }
    }

    /** Whether a session started at this time may still be used (it may not once the password changed since). */
    public boolean honoursSessionStartedAt(Instant started) {
        return !disabled
                && passwordChangedAt.map(changed -> !started.isBefore(changed)).orElse(true);
    }

    /** Who is calling, as routes see it. */
    public Principal principal() {
        return new Principal(username, role, scope);
    }
}
