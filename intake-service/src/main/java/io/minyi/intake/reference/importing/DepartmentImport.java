package io.minyi.intake.reference.importing;

import io.minyi.intake.reference.ReferenceAdmin;
import io.minyi.intake.reference.ReferenceData;
import io.minyi.intake.reference.domain.DepartmentInfo;
import io.minyi.intake.reference.domain.ReferenceEntry;
import io.minyi.intake.reference.domain.ReferenceKind;
import io.minyi.support.security.Caller;
import io.minyi.support.security.Roles;
import io.minyi.support.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The department registry as a spreadsheet: the template offices fill in (序号, 单位编码, 单位全称, 单位简称,
 * 所属政协组织, 单位类别, 联系人, 联系电话, 电子邮箱, 状态), its export, and the import. An import checks every
 * row first and stores nothing when any row is wrong, naming each problem's row and column; a
 * department already registered (by code) is updated, an unchanged one left as it is.
 */
@Service
public class DepartmentImport {

    static final String CODE = "单位编码";
    static final String NAME = "单位全称";
    static final String SHORT = "单位简称";
    static final String ORG = "所属政协组织";
    static final String KIND = "单位类别";
    static final String CONTACT = "联系人";
    static final String PHONE = "联系电话";
    static final String EMAIL = "电子邮箱";
    static final String STATUS = "状态";
    static final String ACTIVE = "在用";
    static final String RETIRED = "停用";
    static final List<Workbooks.Column> COLUMNS = List.of(new Workbooks.Column(Workbooks.NUMBER, 6),
            new Workbooks.Column(CODE, 20), new Workbooks.Column(NAME, 34), new Workbooks.Column(SHORT, 16),
            new Workbooks.Column(ORG, 22), new Workbooks.Column(KIND, 14, Arrays.stream(DepartmentInfo.Kind.values())
                    .map(DepartmentInfo.Kind::label).toList()), new Workbooks.Column(CONTACT, 10), new Workbooks.Column(PHONE, 16),
            new Workbooks.Column(EMAIL, 28), new Workbooks.Column(STATUS, 8, List.of(ACTIVE, RETIRED)));
    private static final Map<String, String> FIELD_COLUMNS = Map.of("code", CODE, "name", NAME, "shortName", SHORT,
            "org", ORG, "kind", KIND, "contactPerson", CONTACT, "phone", PHONE, "email", EMAIL, "active", STATUS);

    private final ReferenceData data;
    private final ReferenceAdmin admin;

    DepartmentImport(ReferenceData data, ReferenceAdmin admin) {
        this.data = data;
        this.admin = admin;
    }

    /** One problem of an import: the Excel row and column, the field, its code and text. */
    public record RowError(int row, String column, String field, String code, String message) {
    }

    public record Result(int created, int updated, int unchanged) {
    }

    public byte[] template() {
        return Workbooks.write("承办单位", "承办单位名录（导入模板）：单位编码为小写字母、数字和连字符；所属政协组织填组织名称或编码",
                COLUMNS, List.of(row(1, new ReferenceEntry(ReferenceKind.DEPARTMENT, "longhua-housing",
                        "海口市龙华区住房和城乡建设局", io.minyi.contracts.OrgPath.of("haikou/longhua"), true, List.of(),
                        new DepartmentInfo("龙华区住建局", DepartmentInfo.Kind.PARTY_GOVERNMENT.wireName(), "王科长",
                                "0898-66123456", "zjj@longhua.example.gov.cn")))));
    }

    /** The departments the caller sees, in the template's layout (so an export can be edited and imported again). */
    public byte[] export(List<ReferenceEntry> departments) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < departments.size(); i++) {
            rows.add(row(i + 1, departments.get(i)));
        }
        return Workbooks.write("承办单位", "承办单位名录", COLUMNS, rows);
    }

    public Result importWorkbook(InputStream in, long size, Caller caller, Locale locale) {
        caller.requireAnyRole(Roles.ADMIN);
        List<Workbooks.SheetRow> rows = Workbooks.read(in, size, COLUMNS);
        if (rows.isEmpty()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "empty-workbook", "文件中没有承办单位数据行。",
                    "The workbook has no department rows.");
        }
        boolean english = locale != null && "en".equals(locale.getLanguage());
        List<RowError> errors = new ArrayList<>();
        List<ReferenceAdmin.Input> inputs = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Workbooks.SheetRow row : rows) {
            ReferenceAdmin.Input input = input(row, errors, english);
            if (input == null) {
                continue;
            }
            Integer first = seen.putIfAbsent(input.code(), row.number());
            if (first != null) {
                errors.add(new RowError(row.number(), CODE, "code", "duplicate-code", english
                        ? "The code " + input.code() + " is already on row " + first + "."
                        : "单位编码 " + input.code() + " 与第 " + first + " 行重复。"));
                continue;
            }
            for (ReferenceAdmin.Problem p : admin.problems(input, caller)) {
                errors.add(new RowError(row.number(), FIELD_COLUMNS.getOrDefault(p.field(), CODE), p.field(), p.code(),
                        english ? p.en() : p.zh()));
            }
            inputs.add(input);
        }
        if (!errors.isEmpty()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "import-invalid",
                    "导入未执行：" + errors.size() + " 处错误，请修改后重新导入（第 " + errors.get(0).row() + " 行「"
                            + errors.get(0).column() + "」：" + errors.get(0).message() + "）。",
                    "Nothing was imported: " + errors.size() + " problems; fix them and import again (row "
                            + errors.get(0).row() + ", " + errors.get(0).column() + ": " + errors.get(0).message() + ").")
                    .with("errors", errors);
        }
        int created = 0;
        int updated = 0;
        List<ReferenceAdmin.Input> changed = new ArrayList<>();
        for (ReferenceAdmin.Input input : inputs) {
            var current = data.find(ReferenceKind.DEPARTMENT, input.code());
            if (current.isEmpty() || !current.get().equals(admin.entry(input))) {
                changed.add(input);
                if (current.isPresent()) {
                    updated++;
                } else {
                    created++;
                }
            }
        }
        admin.saveAll(changed, caller);
        return new Result(created, updated, inputs.size() - changed.size());
    }

    private ReferenceAdmin.Input input(Workbooks.SheetRow row, List<RowError> errors, boolean english) {
        String code = row.get(CODE);
        if (code == null) {
            errors.add(new RowError(row.number(), CODE, "code", "missing-code", english ? "The code is required."
                    : "请填写单位编码。"));
            return null;
        }
        String status = row.get(STATUS);
        if (status != null && !status.equals(ACTIVE) && !status.equals(RETIRED)) {
            errors.add(new RowError(row.number(), STATUS, "active", "invalid-status", english
                    ? "The status is 在用 (active) or 停用 (retired): " + status : "状态应为「在用」或「停用」：" + status));
        }
        return new ReferenceAdmin.Input(ReferenceKind.DEPARTMENT, code, row.get(NAME), org(row.get(ORG)),
                !RETIRED.equals(status), List.of(), new DepartmentInfo(row.get(SHORT), row.get(KIND), row.get(CONTACT),
                row.get(PHONE), row.get(EMAIL)));
    }

    /** A body given by its code or by its exact name. */
    private String org(String value) {
        if (value == null) {
            return null;
        }
        return data.list(ReferenceKind.ORG, true).stream().filter(o -> o.name().equals(value)).findFirst()
                .map(ReferenceEntry::code).orElse(value);
    }

    private List<String> row(int number, ReferenceEntry e) {
        DepartmentInfo d = Objects.requireNonNullElse(e.department(), new DepartmentInfo(null, null, null, null, null));
        String org = data.find(ReferenceKind.ORG, e.org().value()).map(ReferenceEntry::name).orElse(e.org().value());
        return Arrays.asList(String.valueOf(number), e.code(), e.name(), d.shortName(), org,
                DepartmentInfo.Kind.parse(d.kind()).map(DepartmentInfo.Kind::label).orElse(null), d.contactPerson(), d.phone(),
                d.email(), e.active() ? ACTIVE : RETIRED);
    }
}
