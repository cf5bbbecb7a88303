package io.minyi.intake.people;

import io.minyi.contracts.OrgPath;
import io.minyi.intake.people.domain.Person;
import io.minyi.support.security.Caller;
import io.minyi.support.security.Roles;
import io.minyi.support.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * People's accounts for the security administrator (安全管理员) alone — 三员分立: the system administrator
 * and the auditor get 403 —, limited to the accounts of their own body and the bodies below it.
 */
@Service
public class PeopleAdmin {

    private final Directory directory;

    PeopleAdmin(Directory directory) {
        this.directory = directory;
    }

    public void requireSecurityAdmin(Caller caller) {
        caller.requireAnyRole(Roles.SECURITY_ADMIN);
    }

    /** The accounts of the caller's subtree, matching {@code q} (user name, name, e-mail, phone) if given, by body then name. */
    public List<Person> list(String q, Caller caller) {
        requireSecurityAdmin(caller);
        String needle = q == null || q.isBlank() ? null : q.strip().toLowerCase(Locale.ROOT);
        return available(directory::people).stream()
                .filter(p -> p.org() != null && OrgPath.isValid(p.org()) && caller.sees(OrgPath.of(p.org())))
                .filter(p -> needle == null || contains(p.username(), needle) || contains(p.name(), needle)
                        || contains(p.email(), needle) || contains(p.phone(), needle))
                .sorted(Comparator.comparing(Person::org).thenComparing(Person::username)).toList();
    }

    public Person get(String username, Caller caller) {
        requireSecurityAdmin(caller);
        return available(() -> directory.find(username)).filter(p -> p.org() != null && OrgPath.isValid(p.org())
                && caller.sees(OrgPath.of(p.org()))).orElseThrow(() -> ApiProblem.notFound("账号", username));
    }

    /** A leaver's account is disabled, never deleted (their reports keep their names); a returning one enabled again. */
    public Person setEnabled(String username, boolean enabled, Caller caller) {
        Person p = get(username, caller);
        if (!enabled && username.equals(caller.username())) {
            throw new ApiProblem(HttpStatus.CONFLICT, "self-disable", "不能停用自己的账号。", "You cannot disable your own account.");
        }
        Person next = enabled ? new Person(p.username(), p.name(), p.roles(), p.org(), p.sector(), p.station(),
                p.department(), p.phone(), p.email(), true) : p.disabled();
        if (!next.sameAs(p)) {
            available(() -> {
                directory.update(next);
                return null;
            });
        }
        return next;
    }

    /** Sends the "set your password" mail again (a lost or expired link). */
    public void resendSetPassword(String username, Caller caller) {
        Person p = get(username, caller);
        if (!p.enabled()) {
            throw new ApiProblem(HttpStatus.CONFLICT, "account-disabled", "账号已停用，请先启用。",
                    "The account is disabled; enable it first.");
        }
        if (!directory.sendSetPassword(username, RosterImport.LINK_HOURS)) {
            throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "mail-failed", "设置密码邮件未能发出，请检查邮件服务器设置后重试。",
                    "The set-password mail could not be sent; check the mail server settings and try again.");
        }
    }

    private static boolean contains(String value, String needle) {
        return value != null && value.toLowerCase(Locale.ROOT).contains(needle);
    }

    /** 503 problem+json when Keycloak cannot be reached. */
    static <T> T available(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (Directory.Unavailable e) {
            throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "directory-unavailable", "账号服务（Keycloak）暂不可用，请稍后重试。",
                    "The account directory (Keycloak) is unavailable; try again later.");
        }
    }
}
