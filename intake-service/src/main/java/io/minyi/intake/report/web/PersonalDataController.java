package io.minyi.intake.report.web;

import io.minyi.intake.report.PersonalDataAccess;
import io.minyi.intake.report.Retention;
import io.minyi.support.security.Caller;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/reports/{id}/personal-data}: reveal (POST, with a purpose) or erase (DELETE), both audited; never cached. */
@RestController
class PersonalDataController {

    private final PersonalDataAccess access;
    private final Retention retention;

    PersonalDataController(PersonalDataAccess access, Retention retention) {
        this.access = access;
        this.retention = retention;
    }

    record RevealRequest(String reason) {
    }

    @PostMapping("/api/reports/{id}/personal-data")
    ResponseEntity<PersonalDataAccess.Revealed> reveal(@PathVariable String id, @RequestBody RevealRequest request,
                                                       Caller caller) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(access.reveal(id, request.reason(), caller));
    }

    /** The constituent asked for their data to be deleted: erased now, for good (the report and its figures stay). */
    @DeleteMapping("/api/reports/{id}/personal-data")
    ResponseEntity<Void> erase(@PathVariable String id, @RequestParam String reason, Caller caller) {
        retention.eraseOnRequest(id, reason, caller);
        return ResponseEntity.noContent().build();
    }
}
