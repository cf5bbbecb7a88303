package io.minyi.intake.people.web;

import io.minyi.intake.people.PeopleAdmin;
import io.minyi.intake.people.RosterImport;
import io.minyi.intake.people.domain.Person;
import io.minyi.intake.people.domain.RoleNames;
import io.minyi.intake.reference.importing.Workbooks;
import io.minyi.support.security.Caller;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * People's accounts (人员名册) for the security administrator: the list, the roster template, export and
 * import, a leaver disabled (or enabled again), the set-password mail sent again. Accounts live in
 * Keycloak; minyi keeps no copy.
 */
@RestController
class PeopleController {

    private final PeopleAdmin people;
    private final RosterImport roster;

    PeopleController(PeopleAdmin people, RosterImport roster) {
        this.people = people;
        this.roster = roster;
    }

    record PersonView(String username, String name, List<String> roles, String rolesLabel, String org, String sector,
                      String station, String department, String phone, String email, boolean enabled) {
        static PersonView of(Person p) {
            return new PersonView(p.username(), p.name(), p.roles(), RoleNames.label(p.roles()), p.org(), p.sector(),
                    p.station(), p.department(), p.phone(), p.email(), p.enabled());
        }
    }

    @GetMapping("/api/people")
    List<PersonView> list(@RequestParam(required = false) String q, Caller caller) {
        return people.list(q, caller).stream().map(PersonView::of).toList();
    }

    @GetMapping("/api/people/{username}")
    PersonView get(@PathVariable String username, Caller caller) {
        return PersonView.of(people.get(username, caller));
    }

    @PostMapping("/api/people/{username}/disable")
    PersonView disable(@PathVariable String username, Caller caller) {
        return PersonView.of(people.setEnabled(username, false, caller));
    }

    @PostMapping("/api/people/{username}/enable")
    PersonView enable(@PathVariable String username, Caller caller) {
        return PersonView.of(people.setEnabled(username, true, caller));
    }

    @PostMapping("/api/people/{username}/set-password-mail")
    ResponseEntity<Void> resend(@PathVariable String username, Caller caller) {
        people.resendSetPassword(username, caller);
        return ResponseEntity.accepted().build();
    }

    @GetMapping("/api/people/template.xlsx")
    ResponseEntity<byte[]> template(Caller caller) {
        people.requireSecurityAdmin(caller);
        return xlsx(roster.template(), "人员名册导入模板.xlsx");
    }

    @GetMapping("/api/people/export.xlsx")
    ResponseEntity<byte[]> export(Caller caller) {
        return xlsx(roster.export(caller), "人员名册.xlsx");
    }

    @PostMapping("/api/people/import")
    RosterImport.Result importRoster(@RequestParam("file") MultipartFile file, Caller caller) throws IOException {
        return roster.importWorkbook(file.getInputStream(), file.getSize(), caller);
    }

    private static ResponseEntity<byte[]> xlsx(byte[] body, String filename) {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, Workbooks.XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(filename, StandardCharsets.UTF_8).build().toString()).body(body);
    }
}
