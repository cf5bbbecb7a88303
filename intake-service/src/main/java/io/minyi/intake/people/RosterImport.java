package io.minyi.intake.people;

import io.minyi.contracts.OrgPath;
import io.minyi.intake.people.domain.Person;
import io.minyi.intake.people.domain.RoleNames;
import io.minyi.intake.reference.ReferenceData;
import io.minyi.intake.reference.domain.ReferenceEntry;
import io.minyi.intake.reference.domain.ReferenceKind;
import io.minyi.intake.reference.importing.Workbooks;
import io.minyi.support.security.Caller;
import io.minyi.support.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The roster (人员名册) as a spreadsheet: the template, the export, and the import a security administrator
 * runs. Every row is checked first — against the reference data and the accounts that exist — and nothing
 * is written when any row is wrong, each problem named by row and column. A new account gets Keycloak's
 * "set your password" mail; an existing one (by 账号) is updated; a row marked 离职 disables the account.
 */
@Service
public class RosterImport {

    static final String USERNAME = "账号";
    static final String NAME = "姓名";
    static final String ROLES = "角色";
    static final String ORG = "所属政协组织";
    static final String SECTOR = "界别";
    static final String STATION = "联络站";
    static final String DEPARTMENT = "承办单位";
    static final String PHONE = "手机号码";
    static final String EMAIL = "电子邮箱";
    static final String STATUS = "状态";
    static final String WORKING = "在职";
    static final String LEFT = "离职";
    static final List<Workbooks.Column> COLUMNS = List.of(new Workbooks.Column(Workbooks.NUMBER, 6),
            new Workbooks.Column(USERNAME, 20), new Workbooks.Column(NAME, 12), new Workbooks.Column(ROLES, 18),
            new Workbooks.Column(ORG, 22), new Workbooks.Column(SECTOR, 14), new Workbooks.Column(STATION, 22),
            new Workbooks.Column(DEPARTMENT, 24), new Workbooks.Column(PHONE, 16), new Workbooks.Column(EMAIL, 28),
            new Workbooks.Column(STATUS, 8, List.of(WORKING, LEFT)));
    /** How long the link in the set-password mail works. */
    static final int LINK_HOURS = 72;

    private final PeopleAdmin people;
    private final ReferenceData reference;
    private final Directory directory;

    RosterImport(PeopleAdmin people, ReferenceData reference, Directory directory) {
        this.people = people;
        this.reference = reference;
        this.directory = directory;
    }

    /** One problem: the Excel row and column, the field, a code and the text. */
    public record RowError(int row, String column, String field, String code, String message) {
    }

    /** What the import did; {@code mailFailed}: new accounts whose set-password mail could not be sent (resend it). */
    public record Result(int created, int updated, int disabled, int unchanged, List<String> mailed,
                         List<String> mailFailed) {
    }

    public byte[] template() {
        return Workbooks.write("人员名册", "人员名册（导入模板）：角色可填多个，用顿号分隔；账号为小写字母、数字、点、连字符；状态填「离职」即停用账号",
                COLUMNS, List.of(row(1, new Person("wang.xiaoming", "王小明", List.of("member"), "haikou/longhua",
                        null, null, null, "13800000000", "wangxm@example.gov.cn", true))));
    }

    public byte[] export(Caller caller) {
        List<Person> all = people.list(null, caller);
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            rows.add(row(i + 1, all.get(i)));
        }
        return Workbooks.write("人员名册", "人员名册", COLUMNS, rows);
    }

    public Result importWorkbook(InputStream in, long size, Caller caller) {
        people.requireSecurityAdmin(caller);
        return PeopleAdmin.available(() -> checkThenApply(in, size, caller));
    }

    private Result checkThenApply(InputStream in, long size, Caller caller) {
        List<Workbooks.SheetRow> rows = Workbooks.read(in, size, COLUMNS);
        if (rows.isEmpty()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "empty-workbook", "文件中没有人员数据行。",
                    "The workbook has no rows of people.");
        }
        Map<String, Person> existing = new HashMap<>();
        Map<String, String> emailOwners = new HashMap<>();
        for (Person p : directory.people()) {
            existing.put(p.username(), p);
            if (p.email() != null) {
                emailOwners.put(p.email().toLowerCase(), p.username());
            }
        }
        List<RowError> errors = new ArrayList<>();
        List<Person> wanted = new ArrayList<>();
        Map<String, Integer> usernames = new HashMap<>();
        Map<String, Integer> emails = new HashMap<>();
        for (Workbooks.SheetRow row : rows) {
            RowCheck check = new RowCheck(row, errors);
            Person p = check.person(caller, existing);
            if (p == null) {
                continue;
            }
            Integer first = usernames.putIfAbsent(p.username(), row.number());
            if (first != null) {
                check.error(USERNAME, "username", "duplicate-username", "账号 " + p.username() + " 与第 " + first + " 行重复。");
            }
            if (p.email() != null) {
                Integer sameMail = emails.putIfAbsent(p.email().toLowerCase(), row.number());
                String owner = emailOwners.get(p.email().toLowerCase());
                if (sameMail != null) {
                    check.error(EMAIL, "email", "duplicate-email", "电子邮箱与第 " + sameMail + " 行重复。");
                } else if (owner != null && !owner.equals(p.username())) {
                    check.error(EMAIL, "email", "email-taken", "电子邮箱已被账号 " + owner + " 使用。");
                }
            }
            wanted.add(p);
        }
        if (!errors.isEmpty()) {
            RowError e = errors.get(0);
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "import-invalid", "导入未执行：" + errors.size()
                    + " 处错误，请修改后重新导入（第 " + e.row() + " 行「" + e.column() + "」：" + e.message() + "）。",
                    "Nothing was imported: " + errors.size() + " problems; fix them and import again (row " + e.row()
                            + ", " + e.column() + ").").with("errors", errors);
        }
        return apply(wanted, existing);
    }

    private Result apply(List<Person> wanted, Map<String, Person> existing) {
        int created = 0;
        int updated = 0;
        int disabled = 0;
        int unchanged = 0;
        List<String> mailed = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (Person p : wanted) {
            Person before = existing.get(p.username());
            if (before == null) {
                if (!directory.create(p)) {
                    throw new ApiProblem(HttpStatus.CONFLICT, "account-taken", "账号或电子邮箱已被占用：" + p.username(),
                            "The user name or e-mail is taken: " + p.username()).with("username", p.username());
                }
                created++;
                (directory.sendSetPassword(p.username(), LINK_HOURS) ? mailed : failed).add(p.username());
            } else if (p.sameAs(before)) {
                unchanged++;
            } else {
                directory.update(p);
                if (before.enabled() && !p.enabled()) {
                    disabled++;
                } else {
                    updated++;
                }
            }
        }
        return new Result(created, updated, disabled, unchanged, mailed, failed);
    }

    /** Reading and checking one row; each problem is added to the import's list. */
    private final class RowCheck {
        private final Workbooks.SheetRow row;
        private final List<RowError> errors;

        RowCheck(Workbooks.SheetRow row, List<RowError> errors) {
            this.row = row;
            this.errors = errors;
        }

        void error(String column, String field, String code, String message) {
            errors.add(new RowError(row.number(), column, field, code, message));
        }

        Person person(Caller caller, Map<String, Person> existing) {
            String username = row.get(USERNAME);
            if (username == null || !Person.validUsername(username)) {
                error(USERNAME, "username", username == null ? "missing-username" : "invalid-username", username == null
                        ? "请填写账号。" : "账号须为 3–64 位小写字母、数字、点、下划线或连字符，以字母开头：" + username);
                return null;
            }
            String name = row.get(NAME);
            if (name == null || name.length() > 50) {
                error(NAME, "name", "invalid-name", "请填写姓名（不超过 50 个字）。");
            }
            List<String> roles = roles();
            OrgPath org = org(caller);
            Person before = existing.get(username);
            if (before != null && before.org() != null && !caller.sees(OrgPath.of(before.org()))) {
                error(USERNAME, "username", "foreign-account", "账号 " + username + " 属于其他政协组织，不能在此修改。");
            }
            String status = row.get(STATUS);
            if (status != null && !status.equals(WORKING) && !status.equals(LEFT)) {
                error(STATUS, "status", "invalid-status", "状态应为「在职」或「离职」：" + status);
            }
            boolean leaving = LEFT.equals(status);
            if (leaving && before == null) {
                error(STATUS, "status", "unknown-leaver", "账号 " + username + " 不存在，无法登记离职。");
            }
            if (leaving && username.equals(caller.username())) {
                error(STATUS, "status", "self-disable", "不能停用自己的账号。");
            }
            String sector = code(ReferenceKind.SECTOR, SECTOR, "sector", row.get(SECTOR), false);
            String station = code(ReferenceKind.STATION, STATION, "station", row.get(STATION), roles.contains("officer"));
            String department = department(org, roles.contains("department"));
            String phone = row.get(PHONE);
            if (phone != null && !io.minyi.privacy.PersonalDataScanner.validPhone(phone)) {
                error(PHONE, "phone", "invalid-phone", "手机号码或座机格式不正确（座机如 0898-66123456）：" + phone);
            }
            String email = row.get(EMAIL);
            if (email == null || !io.minyi.privacy.PersonalDataScanner.validEmail(email)) {
                error(EMAIL, "email", email == null ? "missing-email" : "invalid-email", email == null
                        ? "请填写电子邮箱：设置密码的邮件发往此地址。" : "电子邮箱格式不正确：" + email);
            }
            return new Person(username, name, roles, org == null ? null : org.value(), sector, station, department,
                    phone, email == null ? null : email.toLowerCase(), !leaving);
        }

        private List<String> roles() {
            String cell = row.get(ROLES);
            if (cell == null) {
                error(ROLES, "roles", "missing-roles", "请填写角色，如：委员、信息员、信息编辑、领导、承办单位。");
                return List.of();
            }
            List<String> roles = new ArrayList<>();
            for (String part : RoleNames.split(cell)) {
                Optional<String> code = RoleNames.code(part);
                if (code.isEmpty()) {
                    error(ROLES, "roles", "unknown-role", "没有这个角色：" + part + "（可填 "
                            + String.join("、", RoleNames.LABELS.values()) + "）。");
                } else if (!roles.contains(code.get())) {
                    roles.add(code.get());
                }
            }
            if (io.minyi.support.security.Roles.dutiesConflict(roles)) {
                error(ROLES, "roles", "separate-duties", "系统管理员、安全管理员、审计员须由不同的人担任（三员分立），同一账号只能担任其一。");
            }
            return roles;
        }

        private OrgPath org(Caller caller) {
            String value = row.get(ORG);
            if (value == null) {
                error(ORG, "org", "missing-org", "请填写所属政协组织（名称或编码）。");
                return null;
            }
            Optional<ReferenceEntry> org = lookup(ReferenceKind.ORG, value);
            if (org.isEmpty() || !org.get().active()) {
                error(ORG, "org", org.isEmpty() ? "unknown-org" : "retired-org", org.isEmpty()
                        ? "没有这个政协组织：" + value : "政协组织「" + org.get().name() + "」已撤销。");
                return null;
            }
            OrgPath path = OrgPath.of(org.get().code());
            if (!caller.sees(path)) {
                error(ORG, "org", "foreign-org", "只能为本级及下级政协组织导入人员：" + org.get().name());
                return null;
            }
            return path;
        }

        private String department(OrgPath org, boolean required) {
            String value = row.get(DEPARTMENT);
            if (value == null) {
                if (required) {
                    error(DEPARTMENT, "department", "missing-department", "承办单位角色须填写所属承办单位。");
                }
                return null;
            }
            Optional<ReferenceEntry> d = lookup(ReferenceKind.DEPARTMENT, value);
            if (d.isEmpty() || !d.get().active()) {
                error(DEPARTMENT, "department", d.isEmpty() ? "unknown-department" : "retired-department", d.isEmpty()
                        ? "承办单位未登记：" + value : "承办单位「" + d.get().name() + "」已停用。");
                return null;
            }
            if (org != null && !org.onLineWith(d.get().org())) {
                error(DEPARTMENT, "department", "foreign-department", "承办单位「" + d.get().name() + "」不属于该政协组织或其上下级。");
            }
            return d.get().code();
        }

        private String code(ReferenceKind kind, String column, String field, String value, boolean required) {
            if (value == null) {
                if (required) {
                    error(column, field, "missing-" + field, "信息员须填写所属" + column + "。");
                }
                return null;
            }
            Optional<ReferenceEntry> e = lookup(kind, value);
            if (e.isEmpty() || !e.get().active()) {
                error(column, field, "unknown-" + field, "没有这个" + column + "（或已停用）：" + value);
                return null;
            }
            return e.get().code();
        }
    }

    /** An entry given by its code, its name or (a department) its short name. */
    private Optional<ReferenceEntry> lookup(ReferenceKind kind, String value) {
        return reference.find(kind, value).or(() -> reference.list(kind, true).stream()
                .filter(e -> e.name().equals(value) || e.department() != null && value.equals(e.department().shortName()))
                .findFirst());
    }

    private List<String> row(int number, Person p) {
        return Arrays.asList(String.valueOf(number), p.username(), p.name(), RoleNames.label(p.roles()),
                p.org() == null ? null : reference.find(ReferenceKind.ORG, p.org()).map(ReferenceEntry::name).orElse(p.org()),
                name(ReferenceKind.SECTOR, p.sector()), name(ReferenceKind.STATION, p.station()),
                name(ReferenceKind.DEPARTMENT, p.department()), p.phone(), p.email(), p.enabled() ? WORKING : LEFT);
    }

    private String name(ReferenceKind kind, String code) {
        return code == null ? null : reference.find(kind, code).map(ReferenceEntry::name).orElse(code);
    }
}
