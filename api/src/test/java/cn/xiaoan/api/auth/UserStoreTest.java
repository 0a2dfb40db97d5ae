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
