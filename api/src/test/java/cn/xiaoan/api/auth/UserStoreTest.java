package cn.xiaoan.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserStoreTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T08:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path root;

    @Test
    void storesArgon2idHashesNeverThePasswordInAnOwnerOnlyFile() throws Exception {
        var store = store();
        store.add("wang", Role.LEADER, Scope.district("140902"), Optional.of("a long enough secret"));

        String file = Files.readString(root.resolve("users.json"));
        assertThat(file).contains("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain("a long enough secret");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("users.json"))))
                .isEqualTo("rw-------");
        assertThat(store.authenticate("wang", "a long enough secret"))
                .map(UserAccount::principal)
                .contains(new Principal("wang", Role.LEADER, Scope.district("140902")));
        assertThat(store.authenticate("wang", "a long enough secreT")).isEmpty();
        assertThat(store.authenticate("nobody", "a long enough secret")).isEmpty();
    }

    @Test
    void generatesAPasswordWhenNoneIsGivenAndRefusesWeakOnes() {
        var store = store();
        String generated = store.add("li", Role.ADMIN, Scope.city(), Optional.empty());
        assertThat(generated).hasSizeGreaterThanOrEqualTo(20);
        assertThat(store.authenticate("li", generated)).isPresent();
        assertThat(store().authenticate("li", generated))
                .as("read back by another process")
                .isPresent();

        assertThatThrownBy(() -> store.add("zhao", Role.CLERK, Scope.city(), Optional.of("short")))
                .hasMessageContaining("at least 12 characters");
        assertThatThrownBy(() -> store.add("LI", Role.CLERK, Scope.city(), Optional.empty()))
                .hasMessageContaining("the name is taken");
        assertThatThrownBy(() -> store.add("a b", Role.CLERK, Scope.city(), Optional.empty()))
                .hasMessageContaining("use 2–64 letters");
        assertThatThrownBy(() -> Role.ofUser("public")).hasMessageContaining("expected one of admin, clerk");
    }

    @Test
    void keepsOnlyATokensDigestAndRevokesTokensOfADisabledUser() throws Exception {
        var store = store();
        store.add("chen", Role.ANALYST, Scope.city(), Optional.of("another long secret"));
        String token = store.issueToken("chen", "nightly export");

        assertThat(token).startsWith("xat_");
        assertThat(Files.readString(root.resolve("users.json"))).doesNotContain(token.substring(4));
        assertThat(store.byToken(token)).map(UserAccount::username).contains("chen");
        assertThat(store.byToken(token + "x")).isEmpty();

        store.disable("chen");
        assertThat(store.byToken(token)).isEmpty();
        assertThat(store.authenticate("chen", "another long secret")).isEmpty();
    }

    @Test
    void expiresATokenAfterItsDaysAndSaysSo() {
        var clock = new SettableClock(Instant.parse("2026-11-22T08:00:00Z"));
        var store = new UserStore(root.resolve("users.json"), new PasswordHasher(), clock);
        store.add("chen", Role.ANALYST, Scope.city(), Optional.of("another long secret"));
        String standard = store.issueToken("chen", "nightly");
        String shortLived = store.issueToken("chen", "one week", 7);

        clock.advance(java.time.Duration.ofDays(7));
        assertThat(store.checkToken(shortLived)).isInstanceOf(UserStore.TokenCheck.Dead.class);
        assertThat(((UserStore.TokenCheck.Dead) store.checkToken(shortLived)).status())
                .isEqualTo(UserStore.TokenStatus.EXPIRED);
        assertThat(store.byToken(standard)).isPresent();
        clock.advance(java.time.Duration.ofDays(83));
        assertThat(store.byToken(standard)).isEmpty();
        assertThatThrownBy(() -> store.issueToken("chen", "forever", 100_000)).hasMessageContaining("choose 1 to");
    }

    @Test
    void revokesOneTokenAndListsEveryTokenWithoutItsSecret() {
        var clock = new SettableClock(Instant.parse("2026-11-22T08:00:00Z"));
        var store = new UserStore(root.resolve("users.json"), new PasswordHasher(), clock);
        store.add("chen", Role.ANALYST, Scope.city(), Optional.of("another long secret"));
        String kept = store.issueToken("chen", "kept");
        String leaked = store.issueToken("chen", "leaked");
        clock.advance(java.time.Duration.ofMinutes(5));
        assertThat(store.byToken(leaked)).isPresent();

        var tokens = store.tokens("chen");
        assertThat(tokens).extracting(UserStore.ApiToken::label).containsExactly("kept", "leaked");
        assertThat(tokens.get(1).lastUsed()).contains(clock.instant());
        assertThat(tokens.get(0).lastUsed()).isEmpty();
        assertThat(tokens.toString()).doesNotContain(leaked.substring(4)).doesNotContain(kept.substring(4));

        store.revokeToken(tokens.get(1).id());
        var check = store.checkToken(leaked);
        assertThat(check).isInstanceOf(UserStore.TokenCheck.Dead.class);
        assertThat(((UserStore.TokenCheck.Dead) check).status()).isEqualTo(UserStore.TokenStatus.REVOKED);
        assertThat(store.byToken(kept)).isPresent();
        assertThat(store.tokens("chen").get(1).status(clock.instant())).isEqualTo(UserStore.TokenStatus.REVOKED);
        assertThatThrownBy(() -> store.revokeToken("deadbeef")).hasMessageContaining("no such token");
    }

    @Test
    void letsATokenStoredWithoutAnExpiryExpireNinetyDaysAfterItWasMade() throws Exception {
        var clock = new SettableClock(Instant.parse("2026-11-22T08:00:00Z"));
        var store = new UserStore(root.resolve("users.json"), new PasswordHasher(), clock);
        store.add("chen", Role.ANALYST, Scope.city(), Optional.of("another long secret"));
        String token = store.issueToken("chen", "old");
        // as written before tokens expired: no expiresAt, revokedAt or lastUsedAt
        String legacy = Files.readString(root.resolve("users.json"))
                .replaceAll(",\\s*\"expiresAt\"\\s*:\\s*\"[^\"]*\"", "")
                .replaceAll(",\\s*\"(revokedAt|lastUsedAt)\"\\s*:\\s*null", "");
        assertThat(legacy).doesNotContain("expiresAt");
        Files.writeString(root.resolve("users.json"), legacy);
        var reread = new UserStore(root.resolve("users.json"), new PasswordHasher(), clock);

        clock.advance(java.time.Duration.ofDays(89));
        assertThat(reread.byToken(token)).isPresent();
        clock.advance(java.time.Duration.ofDays(1));
        assertThat(reread.byToken(token)).isEmpty();
    }

    @Test
    void changesAPasswordAndEndsSessionsStartedBeforeTheChange() {
        var clock = new SettableClock(Instant.parse("2026-11-22T08:00:00Z"));
        var store = new UserStore(root.resolve("users.json"), new PasswordHasher(), clock);
        store.add("wang", Role.LEADER, Scope.city(), Optional.of("the first passphrase"));
        Instant sessionStart = clock.instant();
        clock.advance(java.time.Duration.ofMinutes(1));

        store.changePassword("wang", "the second passphrase");

        assertThat(store.authenticate("wang", "the first passphrase")).isEmpty();
        UserAccount account =
                store.authenticate("wang", "the second passphrase").orElseThrow();
        assertThat(account.honoursSessionStartedAt(sessionStart)).isFalse();
        assertThat(account.honoursSessionStartedAt(clock.instant())).isTrue();
        assertThatThrownBy(() -> store.changePassword("wang", "short")).hasMessageContaining("at least 12");
        assertThatThrownBy(() -> store.changePassword("nobody", "long enough password"))
                .hasMessageContaining("no such user");
    }

    @Test
    void refusesAnOtherDistrictThanTheScopes() {
        Scope xinfu = Scope.district("140902");
        assertThat(xinfu.narrow(java.util.Set.of())).containsExactly("140902");
        assertThat(xinfu.narrow(java.util.Set.of("140902"))).containsExactly("140902");
        assertThatThrownBy(() -> xinfu.narrow(java.util.Set.of("140921")))
                .isInstanceOf(Scope.ScopeViolation.class)
                .hasMessageContaining("sees district 140902 only");
        assertThat(Scope.city().narrow(java.util.Set.of("140921"))).containsExactly("140921");
        assertThatThrownBy(() -> Scope.district("../etc")).hasMessageContaining("6-digit");
    }

    private UserStore store() {
        return new UserStore(root.resolve("users.json"), new PasswordHasher(), CLOCK);
    }
}
