package io.minyi.support.security;

/** Realm roles of the minyi Keycloak realm. */
public final class Roles {
    public static final String MEMBER = "member";
    public static final String OFFICER = "officer";
    public static final String EDITOR = "editor";
    public static final String LEADER = "leader";
    public static final String DEPARTMENT = "department";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
