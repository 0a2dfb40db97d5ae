package cn.xiaoan.api.server;

import cn.xiaoan.api.auth.Principal;
import cn.xiaoan.api.auth.UserAccount;
import cn.xiaoan.api.auth.UserStore;
import io.javalin.http.Context;

/** {@code POST /api/v1/login}, {@code POST /api/v1/logout} and {@code GET /api/v1/me}. */
final class AuthController {
    private final UserStore users;
    private final AccessControl access;

    AuthController(UserStore users, AccessControl access) {
        this.users = users;
        this.access = access;
    }

    record Credentials(String username, String password) {}

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
        UserAccount account = users.authenticate(credentials.username(), credentials.password())
                .orElseThrow(() -> new ApiException(401, "bad_credentials", "Wrong username or password / 用户名或密码错误"));
        access.signIn(ctx, account);
        ctx.json(Me.of(account.principal()));
    }

    void logout(Context ctx) {
        access.signOut(ctx);
        ctx.status(204);
    }

    void me(Context ctx) {
        ctx.json(Me.of(AccessControl.principal(ctx)));
    }
}
