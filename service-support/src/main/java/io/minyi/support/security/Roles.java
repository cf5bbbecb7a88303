package io.minyi.support.security;

/** Realm roles of the minyi Keycloak realm. */
public final class Roles {
    public static final String MEMBER = "member";
    public static final String OFFICER = "officer";
    public static final String EDITOR = "editor";
    public static final String LEADER = "leader";
    public static final String DEPARTMENT = "department";
    /** The system administrator (系统管理员): bodies, reference data, rules; no personal data, no audit log. */
    public static final String ADMIN = "admin";
    /** The security administrator (安全管理员): people's accounts and roles, in Keycloak. */
    public static final String SECURITY_ADMIN = "security-admin";
    /** The auditor (审计员): reads the audit log, nothing else. */
    public static final String AUDITOR = "auditor";

    /** 三员分立: nobody may hold two of the three administrative duties. */
    public static final java.util.Set<String> SEPARATE_DUTIES = java.util.Set.of(ADMIN, SECURITY_ADMIN, AUDITOR);

    /** Whether these roles break the separation of duties. */
    public static boolean dutiesConflict(java.util.Collection<String> roles) {
        return roles.stream().filter(SEPARATE_DUTIES::contains).distinct().count() > 1;
    }

    private Roles() {
    }
}
