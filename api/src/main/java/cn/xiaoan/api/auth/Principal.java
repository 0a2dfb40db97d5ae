package cn.xiaoan.api.auth;

/** The signed-in caller of a request. */
public record Principal(String username, Role role, Scope scope) {}
