package cn.xiaoan.api.server;

import cn.xiaoan.api.auth.LoginThrottle;
import cn.xiaoan.api.auth.Principal;
import cn.xiaoan.api.auth.UserAccount;
import cn.xiaoan.api.auth.UserStore;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * {@code POST /api/v1/login}, {@code POST /api/v1/logout}, {@code GET /api/v1/me} and an administrator's
 * {@code POST /api/v1/users/{name}/password}. Sign-in attempts pass the {@link LoginThrottle} first, so a refused
 * guess costs no password hash.
 */
final class AuthController {
    private final UserStore users;
    private final AccessControl access;
    private final LoginThrottle throttle;

    AuthController(UserStore users, AccessControl access, LoginThrottle throttle) {
        this.users = users;
        this.access = access;
        this.throttle = throttle;
    }

    record Credentials(String username, String password) {}

    record NewPassword(String password) {}

    record Me(String username, String role, String roleZh, String roleEn, String scope) {
        static Me of(Principal principal) {
            return new Me(
                    principal.username(),
                    principal.role().name(),
                    principal.role().nameZh(),
                    principal.role().nameEn(),
                    principal.scope().code());
        }
    }

    void login(Context ctx) {
        Credentials credentials;
        try {
            credentials = ctx.bodyAsClass(Credentials.class);
        } catch (RuntimeException e) {
            throw ApiException.badRequest("invalid_body", "Send JSON {\"username\": …, \"password\": …} / 请提交用户名和密码");
        }
        String address = ctx.ip();
        if (throttle.attempt(credentials.username(), address) instanceof LoginThrottle.Decision.Refused refused) {
            long seconds = refused.retryAfterSeconds();
            throw new ApiException(
                    429,
                    "too_many_attempts",
                    "Too many failed sign-in attempts for this user or from this address; retry in " + seconds
                            + " s / 登录失败次数过多，请 " + seconds + " 秒后重试",
                    seconds);
        }
        Optional<UserAccount> account = users.authenticate(credentials.username(), credentials.password());
        if (account.isEmpty()) {
            throw new ApiException(401, "bad_credentials", "Wrong username or password / 用户名或密码错误");
        }
        throttle.succeeded(credentials.username(), address);
        access.signIn(ctx, account.get());
        ctx.json(Me.of(account.get().principal()));
    }

    void logout(Context ctx) {
        access.signOut(ctx);
        ctx.status(204);
    }

    void me(Context ctx) {
        ctx.json(Me.of(AccessControl.principal(ctx)));
    }

    /** An administrator sets another user's password; every session of that user ends. */
    void resetPassword(Context ctx) {
        String username = ctx.pathParam("name");
        NewPassword body;
        try {
            body = ctx.bodyAsClass(NewPassword.class);
        } catch (RuntimeException e) {
            throw ApiException.badRequest("invalid_body", "Send JSON {\"password\": …} / 请提交新密码");
        }
        if (users.find(username).isEmpty()) {
            throw ApiException.notFound("no_such_user", "No user " + username + " / 用户不存在");
        }
        users.changePassword(username, body.password());
        access.endSessionsOf(username);
        ctx.status(204);
    }
}
