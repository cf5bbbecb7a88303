package io.minyi.gateway;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/** The web app (module {@code web}) lives at {@code /app/index.html}; its screens are hash routes. */
@RestController
class WebAppController {

    @GetMapping({"/app", "/app/"})
    ResponseEntity<Void> app() {
        return ResponseEntity.status(HttpStatus.FOUND).location(URI.create("/app/index.html")).build();
    }
}
