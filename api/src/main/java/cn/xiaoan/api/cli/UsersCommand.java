package cn.xiaoan.api.cli;

import cn.xiaoan.api.auth.Role;
import cn.xiaoan.api.auth.Scope;
import cn.xiaoan.api.auth.UserAccount;
import cn.xiaoan.api.auth.UserStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code xiaoan users add|list|disable|passwd|token|tokens|revoke}: the accounts that may use the server and their API
 * tokens, per warehouse.
 */
@Command(
        name = "users",
        mixinStandardHelpOptions = true,
        description = {"用户与接口令牌管理", "Manage users and API tokens"},
        subcommands = {
            UsersCommand.Add.class,
            UsersCommand.List.class,
            UsersCommand.Disable.class,
            UsersCommand.Passwd.class,
            UsersCommand.Token.class,
            UsersCommand.Tokens.class,
            UsersCommand.Revoke.class
        })
public final class UsersCommand implements Runnable {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Common to the subcommands: the warehouse whose users are managed. */
    abstract static class UsersSubcommand implements Callable<Integer> {
        final Components components;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Mixin
        WarehouseOption warehouseOption;

        UsersSubcommand(Components components) {
            this.components = components;
        }

        UserStore users() {
            return components.users(components.warehouse(warehouseOption.warehouse));
        }

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        /** One line of standard input, stripped; empty at end of input. */
        static Optional<String> readLine() throws IOException {
            var reader = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            return Optional.ofNullable(reader.readLine()).map(String::strip);
        }
    }

    @Command(
            name = "add",
            mixinStandardHelpOptions = true,
            description = {
                "新增用户（未指定密码时生成随机密码并仅显示一次）",
                "Add a user (without --password-stdin a random password is generated and shown once)"
            })
    static final class Add extends UsersSubcommand {
        @Parameters(paramLabel = "NAME", description = "用户名 Username")
        String username;

        @Option(
                names = "--role",
                required = true,
                paramLabel = "ROLE",
                description = "角色 Role: admin, clerk, leader, analyst")
        String role;

        @Option(
                names = "--district",
                paramLabel = "CODE",
                description = "仅限本区县 Scope to one district (6-digit code); default: the whole city")
        String district;

        @Option(names = "--password-stdin", description = "从标准输入读取密码 Read the password from stdin")
        boolean passwordFromStdin;

        Add(Components components) {
            super(components);
        }

        @Override
        public Integer call() throws IOException {
            Scope scope = district == null ? Scope.city() : Scope.district(district);
            if (scope.district().isPresent()
                    && components.reference().districts().all().stream()
                            .noneMatch(d -> d.code().equals(district.strip()))) {
                throw new IllegalArgumentException(
                        "Cannot scope to district " + district + ": not in the reference data / 区县代码不存在");
            }
            Optional<String> password = Optional.empty();
            if (passwordFromStdin) {
                password = readLine();
            }
            String secret = users().add(username, Role.ofUser(role), scope, password);
            out().printf("已创建用户 created user %s (%s, %s)%n", username, role, scope.code());
            if (password.isEmpty()) {
                out().printf("初始密码 password (仅显示一次 shown once): %s%n", secret);
            }
            return 0;
        }
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = {"列出用户", "List users"})
    static final class List extends UsersSubcommand {
        List(Components components) {
            super(components);
        }

        @Override
        public Integer call() {
            out().printf("%-20s %-8s %-8s %-8s %s%n", "username", "role", "scope", "status", "created");
            for (UserAccount user : users().list()) {
                out().printf(
                                "%-20s %-8s %-8s %-8s %s%n",
                                user.username(),
                                user.role().name().toLowerCase(java.util.Locale.ROOT),
                                user.scope().code(),
                                user.disabled() ? "disabled" : "active",
                                user.createdAt());
            }
            return 0;
        }
    }

    @Command(
            name = "disable",
            mixinStandardHelpOptions = true,
            description = {"停用用户并吊销其令牌", "Disable a user and revoke their tokens"})
    static final class Disable extends UsersSubcommand {
        @Parameters(paramLabel = "NAME", description = "用户名 Username")
        String username;

        Disable(Components components) {
            super(components);
        }

        @Override
        public Integer call() {
            users().disable(username);
            out().printf("已停用 disabled %s%n", username);
            return 0;
        }
    }

    @Command(
            name = "passwd",
            mixinStandardHelpOptions = true,
            description = {
                "修改用户密码（从标准输入读取，或在终端中输入两次）；该用户的所有会话随即失效",
                "Change a user's password (from stdin, or typed twice at a terminal); the user's sessions end"
            })
    static final class Passwd extends UsersSubcommand {
        @Parameters(paramLabel = "NAME", description = "用户名 Username")
        String username;

        @Option(names = "--password-stdin", description = "从标准输入读取密码 Read the password from stdin")
        boolean passwordFromStdin;

        Passwd(Components components) {
            super(components);
        }

        @Override
        public Integer call() throws IOException {
            String password = passwordFromStdin || System.console() == null ? fromStdin() : typedTwice();
            users().changePassword(username, password);
            out().printf("已修改密码 password changed for %s; 其会话已失效 their sessions have ended%n", username);
            return 0;
        }

        private String fromStdin() throws IOException {
            return readLine()
                    .filter(line -> !line.isEmpty())
                    .orElseThrow(() -> new IllegalArgumentException(
                            "Cannot change the password: standard input is empty; send the new password on its first"
                                    + " line / 标准输入为空，请在第一行提供新密码"));
        }

        private static String typedTwice() {
            var console = System.console();
            char[] first = console.readPassword("新密码 New password: ");
            char[] second = console.readPassword("再次输入 Again: ");
            if (first == null || second == null || !java.util.Arrays.equals(first, second)) {
                throw new IllegalArgumentException("Cannot change the password: the two entries differ / 两次输入不一致");
            }
            return new String(first).strip();
        }
    }

    @Command(
            name = "token",
            mixinStandardHelpOptions = true,
            description = {"签发接口令牌（仅显示一次）", "Issue an API token for scripts (shown once)"})
    static final class Token extends UsersSubcommand {
        @Parameters(paramLabel = "NAME", description = "用户名 Username")
        String username;

        @Option(names = "--label", defaultValue = "script", description = "用途说明 Label (default: ${DEFAULT-VALUE})")
        String label;

        @Option(
                names = "--days",
                defaultValue = "" + UserStore.DEFAULT_TOKEN_DAYS,
                paramLabel = "N",
                description =
                        "有效天数 Days the token is valid, 1–" + UserStore.MAX_TOKEN_DAYS + " (default: ${DEFAULT-VALUE})")
        int days;

        Token(Components components) {
            super(components);
        }

        @Override
        public Integer call() {
            String token = users().issueToken(username, label, days);
            out().printf(
                            "令牌 token for %s, %d 天有效 valid %d days (仅显示一次 shown once; send as Authorization: Bearer …):%n%s%n",
                            username, days, days, token);
            return 0;
        }
    }

    @Command(
            name = "tokens",
            mixinStandardHelpOptions = true,
            description = {"列出用户的接口令牌（不显示密钥）", "List a user's API tokens (never their secrets)"})
    static final class Tokens extends UsersSubcommand {
        @Parameters(paramLabel = "NAME", description = "用户名 Username")
        String username;

        Tokens(Components components) {
            super(components);
        }

        @Override
        public Integer call() {
            java.time.Instant now = components.clock().instant();
            out().printf(
                            "%-10s %-16s %-8s %-21s %-21s %s%n",
                            "id", "label", "status", "created", "expires", "last used");
            for (UserStore.ApiToken token : users().tokens(username)) {
                out().printf(
                                "%-10s %-16s %-8s %-21s %-21s %s%n",
                                token.id(),
                                token.label(),
                                token.status(now).name().toLowerCase(java.util.Locale.ROOT),
                                seconds(token.createdAt()),
                                seconds(token.expiry()),
                                token.lastUsed().map(Tokens::seconds).orElse("never"));
            }
            return 0;
        }

        private static String seconds(java.time.Instant instant) {
            return instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        }
    }

    @Command(
            name = "revoke",
            mixinStandardHelpOptions = true,
            description = {"吊销一个接口令牌（编号见 users tokens）", "Revoke one API token (its id as users tokens lists it)"})
    static final class Revoke extends UsersSubcommand {
        @Parameters(paramLabel = "TOKEN-ID", description = "令牌编号 Token id")
        String id;

        Revoke(Components components) {
            super(components);
        }

        @Override
        public Integer call() {
            UserStore.ApiToken revoked = users().revokeToken(id);
            out().printf("已吊销 revoked token %s of %s (%s)%n", revoked.id(), revoked.username(), revoked.label());
            return 0;
        }
    }
}
