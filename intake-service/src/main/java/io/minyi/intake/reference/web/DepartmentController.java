package io.minyi.intake.reference.web;

import io.minyi.intake.reference.ReferenceAdmin;
import io.minyi.intake.reference.ReferenceData;
import io.minyi.intake.reference.domain.DepartmentInfo;
import io.minyi.intake.reference.domain.ReferenceEntry;
import io.minyi.intake.reference.domain.ReferenceKind;
import io.minyi.intake.reference.importing.DepartmentImport;
import io.minyi.intake.reference.importing.Workbooks;
import io.minyi.support.security.Caller;
import io.minyi.support.security.Roles;
import io.minyi.support.web.ApiProblem;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The department registry (承办单位): the office and leaders list the departments their body may assign
 * to — those of their own body, the bodies above it and the bodies below it, never a sibling's —, a
 * department's account sees its own entry, administrators maintain them one by one or by importing
 * the spreadsheet template.
 */
@RestController
class DepartmentController {

    private final ReferenceData data;
    private final ReferenceAdmin admin;
    private final DepartmentImport workbook;

    DepartmentController(ReferenceData data, ReferenceAdmin admin, DepartmentImport workbook) {
        this.data = data;
        this.admin = admin;
        this.workbook = workbook;
    }

    record Department(String code, String name, String shortName, String org, String orgName, String kind,
                      String kindLabel, String contactPerson, String phone, String email, boolean active) {
    }

    record DepartmentRequest(String name, String shortName, String org, String kind, String contactPerson,
                             String phone, String email, Boolean active) {
    }

    /**
     * {@code q} matches code, full or short name; {@code owner} keeps one body's departments; {@code retired=true}
     * adds the retired ones (administrators).
     */
    @GetMapping("/api/departments")
    List<Department> list(@RequestParam(required = false) String q, @RequestParam(required = false) String owner,
                          @RequestParam(defaultValue = "false") boolean retired, Caller caller) {
        if (retired) {
            caller.requireAnyRole(Roles.ADMIN, Roles.SECURITY_ADMIN);
        }
        return visible(caller, retired).stream()
                .filter(e -> owner == null || e.org().value().equals(owner))
                .filter(e -> q == null || q.isBlank() || matches(e, q.strip()))
                .map(this::view).toList();
    }

    @GetMapping("/api/departments/{code}")
    Department one(@PathVariable String code, Caller caller) {
        return visible(caller, true).stream().filter(e -> e.code().equals(code)).findFirst().map(this::view)
                .orElseThrow(() -> ApiProblem.notFound("承办单位", code));
    }

    @PutMapping("/api/departments/{code}")
    Department save(@PathVariable String code, @RequestBody DepartmentRequest r, Caller caller) {
        return view(admin.save(new ReferenceAdmin.Input(ReferenceKind.DEPARTMENT, code, r.name(), r.org(),
                r.active() == null || r.active(), List.of(), new DepartmentInfo(r.shortName(), r.kind(),
                r.contactPerson(), r.phone(), r.email())), caller));
    }

    /** Retires the department: it can no longer be assigned to; its name stays on the reports it handled. */
    @DeleteMapping("/api/departments/{code}")
    Department retire(@PathVariable String code, Caller caller) {
        return view(admin.save(existing(code, caller, false), caller));
    }

    @PostMapping("/api/departments/{code}/restore")
    Department restore(@PathVariable String code, Caller caller) {
        return view(admin.save(existing(code, caller, true), caller));
    }

    @GetMapping("/api/departments/template.xlsx")
    ResponseEntity<byte[]> template(Caller caller) {
        caller.requireAnyRole(Roles.ADMIN);
        return xlsx(workbook.template(), "承办单位导入模板.xlsx");
    }

    @GetMapping("/api/departments/export.xlsx")
    ResponseEntity<byte[]> export(Caller caller) {
        caller.requireAnyRole(Roles.ADMIN);
        return xlsx(workbook.export(visible(caller, true)), "承办单位名录.xlsx");
    }

    @PostMapping("/api/departments/import")
    DepartmentImport.Result importWorkbook(@RequestParam("file") MultipartFile file, Caller caller, Locale locale)
            throws IOException {
        return workbook.importWorkbook(file.getInputStream(), file.getSize(), caller, locale);
    }

    private ReferenceAdmin.Input existing(String code, Caller caller, boolean active) {
        caller.requireAnyRole(Roles.ADMIN);
        ReferenceEntry e = data.find(ReferenceKind.DEPARTMENT, code).filter(d -> caller.org().onLineWith(d.org()))
                .orElseThrow(() -> ApiProblem.notFound("承办单位", code));
        return new ReferenceAdmin.Input(e.kind(), e.code(), e.name(), e.org().value(), active, List.of(), e.department());
    }

    /** The office's: its body's lineage (itself, above, below); a department account's: its own entry. */
    private List<ReferenceEntry> visible(Caller caller, boolean retired) {
        List<ReferenceEntry> all = data.list(ReferenceKind.DEPARTMENT, retired);
        if (Stream.of(Roles.EDITOR, Roles.LEADER, Roles.ADMIN, Roles.SECURITY_ADMIN).anyMatch(caller::hasRole)) {
            return all.stream().filter(e -> caller.org().onLineWith(e.org())).toList();
        }
        caller.requireAnyRole(Roles.DEPARTMENT);
        return all.stream().filter(e -> e.code().equals(caller.department())).toList();
    }

    private static boolean matches(ReferenceEntry e, String q) {
        return e.code().contains(q) || e.name().contains(q)
                || (e.department() != null && e.department().shortName() != null && e.department().shortName().contains(q));
    }

    private Department view(ReferenceEntry e) {
        DepartmentInfo d = e.department() == null ? new DepartmentInfo(null, null, null, null, null) : e.department();
        var kind = DepartmentInfo.Kind.parse(d.kind());
        return new Department(e.code(), e.name(), d.shortName(), e.org().value(),
                data.find(ReferenceKind.ORG, e.org().value()).map(ReferenceEntry::name).orElse(e.org().value()),
                kind.map(DepartmentInfo.Kind::wireName).orElse(null), kind.map(DepartmentInfo.Kind::label).orElse(null), d.contactPerson(), d.phone(),
                d.email(), e.active());
    }

    private static ResponseEntity<byte[]> xlsx(byte[] body, String filename) {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, Workbooks.XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(filename, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }
}
