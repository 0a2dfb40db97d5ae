package cn.xiaoan.api.auth;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.domain.DurableFiles;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Users and API tokens in one JSON file ({@code security/users.json} under the warehouse, owner-only permissions),
 * rewritten atomically on every change and re-read when another process (the CLI) changed it. Passwords are stored as
 * Argon2id hashes; tokens, which are long random strings, as SHA-256 digests. Secrets are shown once, when made.
 * Tokens expire (90 days by default) and are revoked one by one; a revoked or expired token stays listed (and is
 * refused with a message that says which) until it has been dead for {@link #DEAD_TOKENS_KEPT}. A token stored before
 * tokens had an expiry expires {@link #DEFAULT_TOKEN_DAYS} days after it was made.
 */
public final class UserStore {
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_.-]{2,64}");
    private static final int MIN_PASSWORD = 12;
    private static final String TOKEN_PREFIX = "xat_";
    public static final int DEFAULT_TOKEN_DAYS = 90;
    /** The longest a token may be issued for. */
    public static final int MAX_TOKEN_DAYS = 3 * 365;
    /** How long revoked and expired tokens stay listed. */
    static final Duration DEAD_TOKENS_KEPT = Duration.ofDays(90);
    /** Last use is written at most this often per token, so a busy script does not rewrite the file per request. */
    private static final Duration LAST_USED_RESOLUTION = Duration.ofHours(1);

    private final Path file;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);
    private final SecureRandom random = new SecureRandom();
    /** Verified against when a username is unknown, so a wrong name costs as long as a wrong password. */
    private final String dummyHash;

    private Stored cached = new Stored(List.of(), List.of());
    private long cachedModified = -1;

    public UserStore(Path file, PasswordHasher hasher, Clock clock) {
        this.file = requireNonNull(file, "file");
        this.hasher = requireNonNull(hasher, "hasher");
        this.clock = requireNonNull(clock, "clock");
        this.dummyHash = hasher.hash("not a password of anyone");
    }

    /**
     * A stored API token: its owner, label and digest, when it was made and expires (null in files written before
     * tokens expired: then {@link #DEFAULT_TOKEN_DAYS} after it was made), when it was revoked and last used.
     */
    public record ApiToken(
            String id,
            String username,
            String label,
            String sha256,
            Instant createdAt,
            Instant expiresAt,
            Instant revokedAt,
            Instant lastUsedAt) {
        /** When the token stops working, also for tokens stored without an expiry. */
        public Instant expiry() {
            return expiresAt != null ? expiresAt : createdAt.plus(Duration.ofDays(DEFAULT_TOKEN_DAYS));
        }

        public Optional<Instant> revoked() {
            return Optional.ofNullable(revokedAt);
        }

        public Optional<Instant> lastUsed() {
            return Optional.ofNullable(lastUsedAt);
        }

        /** What the token's state is at {@code now}: active, expired or revoked. */
        public TokenStatus status(Instant now) {
            if (revokedAt != null) {
                return TokenStatus.REVOKED;
            }
            return expiry().isAfter(now) ? TokenStatus.ACTIVE : TokenStatus.EXPIRED;
        }

        /** The same token, last used at {@code when}. */
        ApiToken usedAt(Instant when) {
            return new ApiToken(id, username, label, sha256, createdAt, expiresAt, revokedAt, when);
        }

        ApiToken revokedAt(Instant when) {
            return new ApiToken(id, username, label, sha256, createdAt, expiresAt, when, lastUsedAt);
        }

        /** Dead (revoked or expired) for longer than this as of now: dropped from the file. */
        boolean deadLongerThan(Duration kept, Instant now) {
            Instant died = revokedAt != null ? revokedAt : expiry();
            return !died.plus(kept).isAfter(now);
        }
    }

    /** An API token's state. */
    public enum TokenStatus {
        ACTIVE,
        EXPIRED,
        REVOKED
    }

    /** What a presented token turned out to be. */
    public sealed interface TokenCheck {
        /** The token of an active user. */
        record Valid(UserAccount account) implements TokenCheck {}

        /** A real token that no longer works: expired or revoked (the message says which and since when). */
        record Dead(String id, TokenStatus status, Instant since) implements TokenCheck {}

        /** Not a token of this warehouse, or one of a disabled user. */
        record Unknown() implements TokenCheck {}
    }

    /**
     * A user as stored; {@code passwordChangedAt} is null until the password is first changed (sessions started before
     * it end).
     */
    private record StoredUser(
            String username,
            String role,
            String scope,
            String passwordHash,
            boolean disabled,
            String createdAt,
            String passwordChangedAt) {
        StoredUser withPassword(String hash, Instant when) {
            return new StoredUser(username, role, scope, hash, disabled, createdAt, when.toString());
        }
    }

    private record Stored(List<StoredUser> users, List<ApiToken> tokens) {}

    /**
     * Adds a user; with no password given, generates one. Returns the password, to be shown once.
     *
     * @throws IllegalArgumentException for a taken or malformed name, or a password shorter than 12 characters
     */
    public synchronized String add(String username, Role role, Scope scope, Optional<String> password) {
        if (!USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("Cannot add user \"" + username
                    + "\": use 2–64 letters, digits, '.', '_' or '-' / 用户名仅限字母、数字、点、下划线、连字符");
        }
        Stored stored = read();
        if (stored.users().stream().anyMatch(user -> user.username().equalsIgnoreCase(username))) {
            throw new IllegalArgumentException("Cannot add user " + username + ": the name is taken / 用户名已存在");
        }
        String secret = password.orElseGet(this::generatePassword);
        if (secret.length() < MIN_PASSWORD) {
            throw new IllegalArgumentException("Cannot add user " + username + ": the password needs at least "
                    + MIN_PASSWORD + " characters / 密码至少 12 位");
        }
        var users = new ArrayList<>(stored.users());
        users.add(new StoredUser(
                username,
                role.name(),
                scope.code(),
                hasher.hash(secret),
                false,
                clock.instant().toString(),
                null));
        write(new Stored(users, stored.tokens()));
        return secret;
    }

    public synchronized List<UserAccount> list() {
        return read().users().stream().map(UserStore::account).toList();
    }

    public synchronized boolean isEmpty() {
        return read().users().isEmpty();
    }

    public synchronized Optional<UserAccount> find(String username) {
        return read().users().stream()
                .filter(user -> user.username().equals(username))
                .findFirst()
                .map(UserStore::account);
    }

    /** Disables a user and revokes their tokens; their sessions end at their next request. */
    public synchronized void disable(String username) {
        Stored stored = read();
        if (stored.users().stream().noneMatch(user -> user.username().equals(username))) {
            throw new IllegalArgumentException("Cannot disable " + username + ": no such user / 用户不存在");
        }
        var users = stored.users().stream()
                .map(user -> user.username().equals(username)
                        ? new StoredUser(
                                user.username(),
                                user.role(),
                                user.scope(),
                                user.passwordHash(),
                                true,
                                user.createdAt(),
                                user.passwordChangedAt())
                        : user)
                .toList();
        var tokens = stored.tokens().stream()
                .filter(token -> !token.username().equals(username))
                .toList();
        write(new Stored(users, tokens));
    }

    /** Issues an API token valid for 90 days; returns the token, shown once (only its digest is kept). */
    public String issueToken(String username, String label) {
        return issueToken(username, label, DEFAULT_TOKEN_DAYS);
    }

    /** Issues an API token valid for {@code days} days; returns the token, shown once (only its digest is kept). */
    public synchronized String issueToken(String username, String label, int days) {
        if (days < 1 || days > MAX_TOKEN_DAYS) {
            throw new IllegalArgumentException("Cannot issue a token for " + days + " days: choose 1 to "
                    + MAX_TOKEN_DAYS + " / 令牌有效期须为 1 至 " + MAX_TOKEN_DAYS + " 天");
        }
        Stored stored = read();
        UserAccount user = find(username)
                .filter(account -> !account.disabled())
                .orElseThrow(() -> new IllegalArgumentException(
                        "Cannot issue a token for " + username + ": no such active user / 用户不存在或已停用"));
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        var tokens = new ArrayList<>(live(stored.tokens(), now));
        tokens.add(new ApiToken(
                HexFormat.of().formatHex(bytes, 0, 4),
                user.username(),
                label,
                sha256(token),
                now,
                now.plus(Duration.ofDays(days)),
                null,
                null));
        write(new Stored(stored.users(), tokens));
        return token;
    }

    /** A user's tokens, live and recently dead, oldest first (never their secrets, which are not stored). */
    public synchronized List<ApiToken> tokens(String username) {
        if (find(username).isEmpty()) {
            throw new IllegalArgumentException("Cannot list tokens of " + username + ": no such user / 用户不存在");
        }
        return read().tokens().stream()
                .filter(token -> token.username().equals(username))
                .toList();
    }

    /** Revokes one token by its id (as {@link #tokens} lists it); returns the revoked token. */
    public synchronized ApiToken revokeToken(String id) {
        Stored stored = read();
        ApiToken target = stored.tokens().stream()
                .filter(token -> token.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Cannot revoke token " + id
                        + ": no such token; bin/xiaoan users tokens NAME lists them / 令牌不存在"));
        if (target.revoked().isPresent()) {
            return target;
        }
        ApiToken revoked = target.revokedAt(clock.instant());
        write(new Stored(
                stored.users(),
                stored.tokens().stream()
                        .map(token -> token.id().equals(id) ? revoked : token)
                        .toList()));
        return revoked;
    }

    /**
     * Sets a user's password; their sessions started before now end (see {@link UserAccount#passwordChangedAt()}),
     * their API tokens stay (revoke those one by one).
     *
     * @throws IllegalArgumentException for an unknown user or a password shorter than 12 characters
     */
    public synchronized void changePassword(String username, String password) {
        Stored stored = read();
        if (stored.users().stream().noneMatch(user -> user.username().equals(username))) {
            throw new IllegalArgumentException("Cannot change the password of " + username + ": no such user / 用户不存在");
        }
        if (password == null || password.length() < MIN_PASSWORD) {
            throw new IllegalArgumentException("Cannot change the password of " + username
                    + ": the password needs at least " + MIN_PASSWORD + " characters / 密码至少 12 位");
        }
        String hash = hasher.hash(password);
        Instant now = clock.instant();
        write(new Stored(
                stored.users().stream()
                        .map(user -> user.username().equals(username) ? user.withPassword(hash, now) : user)
                        .toList(),
                stored.tokens()));
    }

    /** The active user with this name and password. */
    public Optional<UserAccount> authenticate(String username, String password) {
        Optional<UserAccount> user = find(username == null ? "" : username);
        boolean matches =
                hasher.verify(password, user.map(UserAccount::passwordHash).orElse(dummyHash));
        return user.filter(account -> matches && !account.disabled());
    }

    /** The active user owning this token. */
    public Optional<UserAccount> byToken(String token) {
        return checkToken(token) instanceof TokenCheck.Valid valid ? Optional.of(valid.account()) : Optional.empty();
    }

    /** Whether this token is a live one of an active user, a dead (expired, revoked) one, or unknown. */
    public synchronized TokenCheck checkToken(String token) {
        if (token == null || !token.startsWith(TOKEN_PREFIX)) {
            return new TokenCheck.Unknown();
        }
        byte[] digest = sha256(token).getBytes(StandardCharsets.US_ASCII);
        Stored stored = read();
        Optional<ApiToken> match = stored.tokens().stream()
                .filter(candidate ->
                        MessageDigest.isEqual(candidate.sha256().getBytes(StandardCharsets.US_ASCII), digest))
                .findFirst();
        Optional<UserAccount> owner =
                match.flatMap(found -> find(found.username())).filter(account -> !account.disabled());
        if (match.isEmpty() || owner.isEmpty()) {
            return new TokenCheck.Unknown();
        }
        ApiToken found = match.get();
        Instant now = clock.instant();
        return switch (found.status(now)) {
            case REVOKED -> new TokenCheck.Dead(found.id(), TokenStatus.REVOKED, found.revokedAt());
            case EXPIRED -> new TokenCheck.Dead(found.id(), TokenStatus.EXPIRED, found.expiry());
            case ACTIVE -> {
                recordUse(stored, found, now);
                yield new TokenCheck.Valid(owner.get());
            }
        };
    }

    private void recordUse(Stored stored, ApiToken used, Instant now) {
        if (used.lastUsed()
                .map(last -> last.plus(LAST_USED_RESOLUTION).isAfter(now))
                .orElse(false)) {
            return;
        }
        ApiToken updated = used.usedAt(now);
        write(new Stored(
                stored.users(),
                stored.tokens().stream()
                        .map(token -> token.id().equals(used.id()) ? updated : token)
                        .toList()));
    }

    /** The tokens without those dead for longer than {@link #DEAD_TOKENS_KEPT}. */
    private static List<ApiToken> live(List<ApiToken> tokens, Instant now) {
        return tokens.stream()
                .filter(token -> !token.deadLongerThan(DEAD_TOKENS_KEPT, now))
                .toList();
    }

    private String generatePassword() {
        byte[] bytes = new byte[15];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static UserAccount account(StoredUser user) {
        return new UserAccount(
                user.username(),
                Role.ofUser(user.role()),
                Scope.parse(user.scope()),
                user.passwordHash(),
                user.disabled(),
                Instant.parse(user.createdAt()),
                Optional.ofNullable(user.passwordChangedAt()).map(Instant::parse));
    }

    private Stored read() {
        try {
            if (!Files.exists(file)) {
                return new Stored(List.of(), List.of());
            }
            long modified = Files.getLastModifiedTime(file).toMillis() ^ Files.size(file);
            if (modified != cachedModified) {
                cached = json.readValue(file.toFile(), Stored.class);
                cachedModified = modified;
            }
            return cached;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the user file " + file + ": " + e.getMessage(), e);
        }
    }

    private void write(Stored stored) {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling("." + file.getFileName() + ".tmp");
            Files.deleteIfExists(temporary);
            Files.createFile(
                    temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(temporary, json.writeValueAsBytes(stored));
            DurableFiles.publish(temporary, file);
            cached = stored;
            cachedModified = Files.getLastModifiedTime(file).toMillis() ^ Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the user file " + file + ": " + e.getMessage(), e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
