package cn.xiaoan.api.auth;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** A user: role, scope and an Argon2id password hash; a disabled user can neither sign in nor use tokens. */
public record UserAccount(
        String username, Role role, Scope scope, String passwordHash, boolean disabled, Instant createdAt) {
    public UserAccount {
        requireNonNull(username, "username");
        requireNonNull(role, "role");
        requireNonNull(scope, "scope");
        requireNonNull(passwordHash, "passwordHash");
        requireNonNull(createdAt, "createdAt");
        if (role == Role.PUBLIC) {
            throw new IllegalArgumentException("Cannot give user " + username + " the role PUBLIC");
        }
    }

    /** Who is calling, as routes see it. */
    public Principal principal() {
        return new Principal(username, role, scope);
    }
}
