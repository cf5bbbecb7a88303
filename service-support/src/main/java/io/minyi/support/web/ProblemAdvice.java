package io.minyi.support.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BindException;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.List;
import java.util.Map;

/** Every error a service returns is problem+json; validation errors name each field. */
@RestControllerAdvice
public class ProblemAdvice extends ResponseEntityExceptionHandler {

    private final Denials denials;

    public ProblemAdvice(Denials denials) {
        this.denials = denials;
    }

    /** Where a refused request (403) is recorded: the audit log. */
    public interface Denials {
        void denied(HttpServletRequest request, String code);
    }

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> apiProblem(ApiProblem problem, HttpServletRequest request) {
        if (problem.status() == HttpStatus.FORBIDDEN) {
            denials.denied(request, problem.code());
        }
        return ResponseEntity.status(problem.status())
                .body(problem.toProblemDetail(LocaleContextHolder.getLocale(), request.getRequestURI()));
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        boolean english = ApiProblem.isEnglish(LocaleContextHolder.getLocale());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
                english ? "The upload is too large." : "上传的文件过大。");
        problem.setProperty("code", "upload-too-large");
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    /**
     * A multipart body that cannot be parsed (cut off, no closing boundary) is the client's fault, not
     * a 500 (found by the fuzzing suite); one too large is answered by the more specific handler above.
     */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> brokenUpload(MultipartException ex) {
        boolean english = ApiProblem.isEnglish(LocaleContextHolder.getLocale());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                english ? "The upload is incomplete or malformed: send the file again." : "上传内容不完整或格式不正确，请重新上传。");
        problem.setProperty("code", "invalid-upload");
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        return handleExceptionInternal(ex, invalidFields(ex.getBindingResult(), status), headers, status, request);
    }

    /**
     * Fields found invalid outside request binding, e.g. a draft checked when it is submitted; the
     * same answer as for an invalid request body, with status 422 since the request itself was fine.
     */
    @ExceptionHandler(BindException.class)
    ResponseEntity<ProblemDetail> invalidStoredFields(BindException ex) {
        HttpStatus status = HttpStatus.UNPROCESSABLE_CONTENT;
        return ResponseEntity.status(status).body(invalidFields(ex.getBindingResult(), status));
    }

    private static ProblemDetail invalidFields(BindingResult result, HttpStatusCode status) {
        boolean english = ApiProblem.isEnglish(LocaleContextHolder.getLocale());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
                english ? "The request has invalid fields." : "请求中有字段不符合要求。");
        problem.setProperty("code", "invalid-fields");
        List<Map<String, String>> errors = result.getFieldErrors().stream()
                .map(e -> Map.of("field", e.getField(), "message", String.valueOf(e.getDefaultMessage())))
                .toList();
        problem.setProperty("errors", errors);
        return problem;
    }
}
