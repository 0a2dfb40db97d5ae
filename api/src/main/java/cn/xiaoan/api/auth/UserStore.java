package cn.xiaoan.api.auth;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
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
 */
public final class UserStore {
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_.-]{2,64}");
    private static final int MIN_PASSWORD = 12;
    private static final String TOKEN_PREFIX = "xat_";

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

    /** A stored API token: its owner, label and digest. */
    public record ApiToken(String id, String username, String label, String sha256, Instant createdAt) {}

    private record StoredUser(
            String username, String role, String scope, String passwordHash, boolean disabled, String createdAt) {}

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
                clock.instant().toString()));
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
                                user.username(), user.role(), user.scope(), user.passwordHash(), true, user.createdAt())
                        : user)
                .toList();
        var tokens = stored.tokens().stream()
                .filter(token -> !token.username().equals(username))
                .toList();
        write(new Stored(users, tokens));
    }

    /** Issues an API token for a user; returns the token, shown once (only its digest is kept). */
    public synchronized String issueToken(String username, String label) {
        Stored stored = read();
        UserAccount user = find(username)
                .filter(account -> !account.disabled())
                .orElseThrow(() -> new IllegalArgumentException(
                        "Cannot issue a token for " + username + ": no such active user / 用户不存在或已停用"));
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        var tokens = new ArrayList<>(stored.tokens());
        tokens.add(new ApiToken(
                HexFormat.of().formatHex(bytes, 0, 4), user.username(), label, sha256(token), clock.instant()));
        write(new Stored(stored.users(), tokens));
        return token;
    }

    /** The active user with this name and password. */
    public Optional<UserAccount> authenticate(String username, String password) {
        Optional<UserAccount> user = find(username == null ? "" : username);
        boolean matches =
                hasher.verify(password, user.map(UserAccount::passwordHash).orElse(dummyHash));
        return user.filter(account -> matches && !account.disabled());
    }

    /** The active user owning this token. */
    public synchronized Optional<UserAccount> byToken(String token) {
        if (token == null || !token.startsWith(TOKEN_PREFIX)) {
            return Optional.empty();
        }
        byte[] digest = sha256(token).getBytes(StandardCharsets.US_ASCII);
        return read().tokens().stream()
                .filter(stored -> MessageDigest.isEqual(stored.sha256().getBytes(StandardCharsets.US_ASCII), digest))
                .findFirst()
                .flatMap(stored -> find(stored.username()))
                .filter(account -> !account.disabled());
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
                Instant.parse(user.createdAt()));
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
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
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
