package io.minyi.intake.open311;

import io.minyi.intake.report.web.SubmitReportRequest;
import io.minyi.support.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.util.MultiValueMap;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * A GeoReport v2 {@code POST requests} form mapped onto a minyi submission: the service code is the
 * topic, the description the text (its first sentence the title), the channel online (线上征集),
 * the address and position the location. A {@code media_url} is kept as a link at the end of the text
 * (never fetched by the server). {@code api_key} is not used: the bearer token identifies the caller.
 */
public final class NewServiceRequest {

    static final int TITLE_LENGTH = 30;
    private static final Pattern SENTENCE_END = Pattern.compile("[。！？!?\\n]");

    private NewServiceRequest() {
    }

    public static SubmitReportRequest toSubmission(MultiValueMap<String, String> form) {
        String serviceCode = required(form, "service_code");
        String description = required(form, "description").strip();
        Double lat = number(form, "lat", -90, 90);
        Double lon = number(form, "long", -180, 180);
        String address = form.getFirst("address_string");
        if ((lat == null || lon == null) && (address == null || address.isBlank())) {
            throw bad("location-required", "须提供位置：lat 与 long，或 address_string。",
                    "A location is required: lat and long, or address_string.");
        }
        String body = description;
        String media = form.getFirst("media_url");
        if (media != null && !media.isBlank()) {
            body = description + "\n\n图片：" + mediaUrl(media.strip());
        }
        boolean contact = present(form, "email") || present(form, "phone");
        return new SubmitReportRequest(title(description), body, null, "online", null, null, null, null, serviceCode,
                null, address == null || address.isBlank() ? null : address.strip(), null, null,
                contact ? "message" : null, lat, lon, constituent(form));
    }

    /** GeoReport's first_name, last_name and phone, when given, are the constituent's (stored encrypted). */
    static SubmitReportRequest.ConstituentRequest constituent(MultiValueMap<String, String> form) {
        String name = ((blankToEmpty(form.getFirst("last_name")) + blankToEmpty(form.getFirst("first_name")))).strip();
        String phone = blankToEmpty(form.getFirst("phone")).replace(" ", "");
        if (name.isEmpty() && phone.isEmpty()) {
            return null;
        }
        return new SubmitReportRequest.ConstituentRequest(name.isEmpty() ? null : name, phone.isEmpty() ? null : phone,
                null, null);
    }

    private static String blankToEmpty(String s) {
        return s == null ? "" : s.strip();
    }

    /** The first sentence of the description, cut to {@value #TITLE_LENGTH} characters. */
    static String title(String description) {
        var m = SENTENCE_END.matcher(description);
        String first = (m.find() ? description.substring(0, m.start()) : description).strip();
        if (first.isEmpty()) {
            first = description.strip();
        }
        return first.length() <= TITLE_LENGTH ? first : first.substring(0, TITLE_LENGTH) + "…";
    }

    private static String mediaUrl(String url) {
        try {
            URI uri = URI.create(url);
            if (url.length() <= 500 && uri.getHost() != null
                    && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
                return url;
            }
        } catch (IllegalArgumentException ignored) {
            // reported below
        }
        throw bad("invalid-media-url", "media_url 须为 http(s) 链接，且不超过 500 个字符。",
                "media_url must be an http(s) URL of at most 500 characters.");
    }

    private static String required(MultiValueMap<String, String> form, String name) {
        String value = form.getFirst(name);
        if (value == null || value.isBlank()) {
            throw bad("missing-" + name.replace('_', '-'), "缺少参数 " + name + "。", "Missing parameter " + name + ".");
        }
        return value;
    }

    private static Double number(MultiValueMap<String, String> form, String name, double min, double max) {
        String value = form.getFirst(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            double d = Double.parseDouble(value.strip());
            if (d >= min && d <= max) {
                return d;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw bad("invalid-" + name, name + " 须为 " + min + " 到 " + max + " 之间的数。",
                name + " must be a number between " + min + " and " + max + ".");
    }

    private static boolean present(MultiValueMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value != null && !value.isBlank();
    }

    private static ApiProblem bad(String code, String zh, String en) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, code, zh, en);
    }
}
