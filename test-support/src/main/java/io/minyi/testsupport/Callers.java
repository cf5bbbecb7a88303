package io.minyi.testsupport;

import io.minyi.support.security.KeycloakJwtConverter;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;

import java.util.List;
import java.util.Map;

/**
 * Access tokens shaped like the minyi Keycloak realm's, for MockMvc requests: the same claims
 * ({@code realm_access.roles}, {@code org}, {@code department}, {@code station}) and the same role conversion.
 */
public final class Callers {

    public static JwtRequestPostProcessor member(String org) {
        return token("u-member-" + org.replace('/', '-'), "member", org, null);
    }

    public static JwtRequestPostProcessor editor(String org) {
        return token("u-editor-" + org.replace('/', '-'), "editor", org, null);
    }

    public static JwtRequestPostProcessor leader(String org) {
        return token("u-leader-" + org.replace('/', '-'), "leader", org, null);
    }

    public static JwtRequestPostProcessor department(String org, String department) {
        return token("u-dept-" + department, "department", org, department);
    }

    /** An information officer of a liaison station. */
    public static JwtRequestPostProcessor officer(String org, String station) {
        return token("u-officer-" + station, "officer", org, null, station);
    }

    public static JwtRequestPostProcessor token(String subject, String role, String org, String department) {
        return token(subject, role, org, department, null);
    }

    /** A person whose display name matters (co-authors are named by name on a report). */
    public static JwtRequestPostProcessor named(String subject, String name, String role, String org) {
        return token(subject, name, role, org, null, null);
    }

    private static JwtRequestPostProcessor token(String subject, String role, String org, String department,
                                                 String station) {
        return token(subject, subject, role, org, department, station);
    }

    private static JwtRequestPostProcessor token(String subject, String name, String role, String org,
                                                 String department, String station) {
        return SecurityMockMvcRequestPostProcessors.jwt()
                .jwt(jwt -> {
                    jwt.subject(subject)
                            .claim("preferred_username", subject)
                            .claim("name", name)
                            .claim("realm_access", Map.of("roles", List.of(role)));
                    if (org != null) {
                        jwt.claim("org", org);
                    }
                    if (department != null) {
                        jwt.claim("department", department);
                    }
                    if (station != null) {
                        jwt.claim("station", station);
                    }
                })
                .authorities(KeycloakJwtConverter::authorities);
    }

    private Callers() {
    }
}
