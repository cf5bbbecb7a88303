package io.minyi.support.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;

/**
 * An RFC 9457 problem with a stable machine-readable {@code code} and its text in Chinese and
 * English; the response carries the one matching the request's language (Chinese by default).
 */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final String zh;
    private final String en;
    private final java.util.Map<String, Object> properties = new java.util.LinkedHashMap<>();

    public ApiProblem(HttpStatus status, String code, String zh, String en) {
        super(en);
        this.status = status;
        this.code = code;
        this.zh = zh;
        this.en = en;
    }

    public static ApiProblem notFound(String what, String id) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "not-found", "未找到" + what + "：" + id,
                "No such " + what + ": " + id);
    }

    /** 400 {@code invalid-page} unless {@code page} ≥ 0 and {@code size} is 1 to {@code maxSize}. */
    public static void requirePage(int page, int size, int maxSize) {
        if (page < 0 || size < 1 || size > maxSize) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-page", "分页参数不正确：page ≥ 0，size 为 1–" + maxSize
                    + "。", "page must be ≥ 0 and size 1–" + maxSize + ".");
        }
    }

    /** Adds a property to the problem document, e.g. the per-row errors of an import. */
    public ApiProblem with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public ProblemDetail toProblemDetail(Locale locale, String instance) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, isEnglish(locale) ? en : zh);
        problem.setType(URI.create("https://minyi.io/problems/" + code));
        problem.setProperty("code", code);
        if (instance != null) {
            problem.setInstance(URI.create(instance));
        }
        properties.forEach(problem::setProperty);
        return problem;
    }

    static boolean isEnglish(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }

    /** Writes the problem directly, for filters that run before Spring MVC. */
    public static void write(HttpServletRequest request, HttpServletResponse response, ApiProblem problem)
            throws IOException {
        ProblemDetail detail = problem.toProblemDetail(request.getLocale(), request.getRequestURI());
        response.setStatus(problem.status.value());
        response.setCharacterEncoding("UTF-8");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write("{\"type\":\"" + detail.getType() + "\",\"title\":\"" + detail.getTitle()
                + "\",\"status\":" + detail.getStatus() + ",\"detail\":\"" + escape(detail.getDetail())
                + "\",\"instance\":\"" + escape(request.getRequestURI()) + "\",\"code\":\"" + problem.code + "\"}");
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
