package cn.xiaoan.api.server;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.api.auth.Principal;
import cn.xiaoan.api.auth.Role;
import cn.xiaoan.api.auth.SessionStore;
import cn.xiaoan.api.auth.UserAccount;
import cn.xiaoan.api.auth.UserStore;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import io.javalin.security.RouteRole;
import java.util.Optional;
import java.util.Set;

/**
 * Who is calling and whether they may: an API token ({@code Authorization: Bearer xat_…}) or a dashboard session
 * cookie identifies the user; every route declares the roles it admits, and a route that declares none admits no one.
 * ADMIN is admitted everywhere; ANALYST wherever LEADER is.
 */
final class AccessControl {
    static final String SESSION_COOKIE = "xiaoan_session";
    private static final String API = "/api/";
    private static final String PRINCIPAL = "xiaoan.principal";

    private final UserStore users;
    private final SessionStore sessions;

    AccessControl(UserStore users, SessionStore sessions) {
        this.users = requireNonNull(users, "users");
        this.sessions = requireNonNull(sessions, "sessions");
    }

    /** Runs before every matched endpoint. */
    void authorize(Context ctx) {
        Set<RouteRole> admitted = ctx.routeRoles();
        if (admitted.isEmpty() && !ctx.path().startsWith(API)) {
            // static pages and scripts (the sign-in page among them); the data they show comes from the API
            return;
        }
        if (admitted.isEmpty()) {
            throw new ApiException(403, "forbidden", "This endpoint admits no role / 此接口未开放");
        }
        Optional<UserAccount> user;
        try {
            user = identify(ctx);
        } catch (ApiException deadToken) {
            if (admitted.contains(Role.PUBLIC)) {
                // an expired token does not stop anyone from reading the health or signing in
                return;
            }
            throw deadToken;
        }
        user.ifPresent(account -> ctx.attribute(PRINCIPAL, account.principal()));
        if (admitted.contains(Role.PUBLIC)) {
            return;
        }
        UserAccount account = user.orElseThrow(() -> new ApiException(
                401, "unauthenticated", "Sign in first, or send an API token (Authorization: Bearer …) / 请先登录"));
        if (!admits(admitted, account.role())) {
            throw new ApiException(
                    403,
                    "forbidden",
                    "Your role " + account.role().name() + " may not use " + ctx.method() + " " + ctx.path()
                            + " / 当前角色无权访问");
        }
    }

    /** The signed-in caller; only call on routes that do not admit PUBLIC. */
    static Principal principal(Context ctx) {
        Principal principal = ctx.attribute(PRINCIPAL);
        if (principal == null) {
            throw new ApiException(401, "unauthenticated", "Sign in first / 请先登录");
        }
        return principal;
    }

    static Optional<Principal> optionalPrincipal(Context ctx) {
        return Optional.ofNullable(ctx.attribute(PRINCIPAL));
    }

    /** Starts a session for a verified user with a fresh id (never the one the browser sent). */
    void signIn(Context ctx, UserAccount account) {
        sessions.end(ctx.cookie(SESSION_COOKIE));
        String id = sessions.start(account.username());
        var cookie = new Cookie(SESSION_COOKIE, id);
        cookie.setHttpOnly(true);
        cookie.setSameSite(SameSite.STRICT);
        cookie.setPath("/");
        cookie.setSecure("https".equalsIgnoreCase(ctx.scheme()));
        ctx.cookie(cookie);
        ctx.attribute(PRINCIPAL, account.principal());
    }

    void signOut(Context ctx) {
        sessions.end(ctx.cookie(SESSION_COOKIE));
        ctx.removeCookie(SESSION_COOKIE, "/");
    }

    /** Ends every dashboard session of a user at once (their password was reset). */
    void endSessionsOf(String username) {
        sessions.endAll(username);
    }

    private Optional<UserAccount> identify(Context ctx) {
        String authorization = ctx.header("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            UserStore.TokenCheck check =
                    users.checkToken(authorization.substring(7).strip());
            if (check instanceof UserStore.TokenCheck.Dead dead) {
                throw deadToken(dead);
            }
            return check instanceof UserStore.TokenCheck.Valid valid ? Optional.of(valid.account()) : Optional.empty();
        }
        // A session outlives neither its user's disabling nor a password change made after it started (also by the
        // CLI in another process, which cannot reach this store).
        return sessions.user(ctx.cookie(SESSION_COOKIE)).flatMap(session -> users.find(session.username())
                .filter(account -> account.honoursSessionStartedAt(session.started())));
    }

    private static ApiException deadToken(UserStore.TokenCheck.Dead dead) {
        return dead.status() == UserStore.TokenStatus.REVOKED
                ? new ApiException(
                        401,
                        "token_revoked",
                        "API token " + dead.id() + " was revoked at " + dead.since()
                                + "; ask an administrator for a new one (bin/xiaoan users token NAME) / 该令牌已吊销，请重新申请")
                : new ApiException(
                        401,
                        "token_expired",
                        "API token " + dead.id() + " expired at " + dead.since()
                                + "; ask an administrator for a new one (bin/xiaoan users token NAME --days N)"
                                + " / 该令牌已过期，请重新申请");
    }

    private static boolean admits(Set<RouteRole> admitted, Role role) {
        return role == Role.ADMIN
                || admitted.contains(role)
                || (role == Role.ANALYST && admitted.contains(Role.LEADER));
    }
}
