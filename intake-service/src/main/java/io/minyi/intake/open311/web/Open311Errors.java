package io.minyi.intake.open311.web;

import io.minyi.support.web.ApiProblem;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BindException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.List;
import java.util.Map;

/**
 * Errors of the Open311 endpoints in the GeoReport v2 format: a JSON array of
 * {@code {code, description}}, the description in Chinese unless the client asks for English.
 * Field names are the GeoReport ones (description, service_code, address_string, lat, long).
 */
@RestControllerAdvice(assignableTypes = Open311Controller.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class Open311Errors {

    record Error(int code, String description) {
    }

    private static final Map<String, String> FIELDS = Map.of("body", "description", "title", "description",
            "topic", "service_code", "location", "address_string", "latitude", "lat", "longitude", "long");

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<List<Error>> problem(ApiProblem problem) {
        String detail = problem.toProblemDetail(LocaleContextHolder.getLocale(), null).getDetail();
        String description = switch (problem.code()) {
            case "invalid-topic" -> detail.replace("议题分类", "服务（service_code）").replace("topic", "service_code");
            default -> detail;
        };
        return errors(problem.status(), description);
    }

    @ExceptionHandler(BindException.class)
    ResponseEntity<List<Error>> invalid(BindException e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(MediaType.APPLICATION_JSON)
                .body(e.getFieldErrors().stream().map(f -> new Error(400,
                        FIELDS.getOrDefault(f.getField(), f.getField()) + ": " + f.getDefaultMessage())).toList());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<List<Error>> mediaType() {
        return errors(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "请以 application/x-www-form-urlencoded 提交（GeoReport v2）。");
    }

    private static ResponseEntity<List<Error>> errors(HttpStatus status, String description) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(List.of(new Error(status.value(), description)));
    }
}
