package cn.xiaoan.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xiaoan.api.XiaoanCommand;
import cn.xiaoan.api.auth.PasswordHasher;
import cn.xiaoan.api.auth.UserStore;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsersCommandTest {
    private final Components components = Components.fromEnvironment(Map.of());

    @TempDir
    Path warehouse;

    @Test
    void issuesListsAndRevokesTokensWithoutEverShowingASecretAgain() {
        run("users", "add", "wang", "--role", "analyst");
        String issued = run("users", "token", "wang", "--label", "nightly", "--days", "7");
        assertThat(issued).contains("valid 7 days");
        String token = issued.strip().lines().reduce((first, second) -> second).orElseThrow();
        assertThat(token).startsWith("xat_");

        String listed = run("users", "tokens", "wang");
        assertThat(listed).contains("nightly", "active", "never").doesNotContain(token.substring(4));
        String id = listed.lines().skip(1).findFirst().orElseThrow().split("\\s+")[0];

        assertThat(run("users", "revoke", id)).contains("revoked token " + id + " of wang");
        assertThat(run("users", "tokens", "wang")).contains("revoked");
        assertThat(store().byToken(token)).isEmpty();
    }

    @Test
    void changesAPasswordReadFromStandardInput() {
        run("users", "add", "li", "--role", "leader");
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream("a new long passphrase\n".getBytes(StandardCharsets.UTF_8)));
            assertThat(run("users", "passwd", "li", "--password-stdin")).contains("password changed for li");
        } finally {
            System.setIn(stdin);
        }
        assertThat(store().authenticate("li", "a new long passphrase")).isPresent();
    }

    @Test
    void refusesATooShortPasswordAndKeepsTheOldOne() {
        run("users", "add", "zhao", "--role", "clerk");
        InputStream stdin = System.in;
        var err = new StringWriter();
        int exit;
        try {
            System.setIn(new ByteArrayInputStream("short\n".getBytes(StandardCharsets.UTF_8)));
            var commandLine = XiaoanCommand.commandLine(components);
            commandLine.setOut(new PrintWriter(new StringWriter()));
            commandLine.setErr(new PrintWriter(err));
            exit = commandLine.execute(
                    "users", "passwd", "zhao", "--password-stdin", "--warehouse", warehouse.toString());
        } finally {
            System.setIn(stdin);
        }
        assertThat(exit).isNotZero();
        assertThat(err.toString()).contains("at least 12 characters");
        assertThat(store().authenticate("zhao", "short")).isEmpty();
    }

    private UserStore store() {
        return new UserStore(
                warehouse.resolve("security").resolve("users.json"), new PasswordHasher(), Clock.systemUTC());
    }

    private String run(String... arguments) {
        var commandLine = XiaoanCommand.commandLine(components);
        var out = new StringWriter();
        var err = new StringWriter();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        String[] withWarehouse = java.util.Arrays.copyOf(arguments, arguments.length + 2);
        withWarehouse[arguments.length] = "--warehouse";
        withWarehouse[arguments.length + 1] = warehouse.toString();
        int exit = commandLine.execute(withWarehouse);
        assertThat(exit).as(err.toString()).isZero();
        return out.toString();
    }
}
