package io.minyi.intake.report.web;

import io.minyi.intake.report.PersonalDataAccess;
import io.minyi.support.security.Caller;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/reports/{id}/personal-data}: reveal, with a purpose, audited (never cached). */
@RestController
class PersonalDataController {

    private final PersonalDataAccess access;

    PersonalDataController(PersonalDataAccess access) {
        this.access = access;
    }

    record RevealRequest(String reason) {
    }

    @PostMapping("/api/reports/{id}/personal-data")
    ResponseEntity<PersonalDataAccess.Revealed> reveal(@PathVariable String id, @RequestBody RevealRequest request,
                                                       Caller caller) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(access.reveal(id, request.reason(), caller));
    }
}
