package io.minyi.intake.report.web;

import io.minyi.intake.report.domain.Constituent;
import io.minyi.privacy.PersonalDataScanner;

import io.minyi.contracts.WireNamed;
import io.minyi.intake.reference.ReferenceData;
import io.minyi.intake.report.domain.Details;
import io.minyi.support.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** Turns a request's classification fields into {@link Details}, checking codes and channel rules. */
@Component
public class DetailsMapper {

    private final ReferenceData reference;

    DetailsMapper(ReferenceData reference) {
        this.reference = reference;
    }

    public Details details(SubmitReportRequest r) {
        Details.Channel channel = r.channel() == null ? Details.Channel.OWN_OBSERVATION
                : WireNamed.fromWireName(Details.Channel.class, r.channel());
        if (channel == Details.Channel.VISIT && r.constituents() == null) {
            throw invalid("constituents", "走访/接访渠道须填写接待群众人数。",
                    "A visit or reception needs the number of constituents.");
        }
        if (channel != Details.Channel.VISIT && r.constituents() != null) {
            throw invalid("constituents", "只有走访/接访渠道填写接待群众人数。",
                    "Only a visit or reception has a number of constituents.");
        }
        if (channel == Details.Channel.CONSULTATION && blank(r.consultationRef())) {
            throw invalid("consultationRef", "协商未解决转化的信息须填写协商事项编号。",
                    "An escalated consultation needs its reference.");
        }
        if ((r.latitude() == null) != (r.longitude() == null)) {
            throw invalid("point", "经纬度须同时填写。", "Latitude and longitude go together.");
        }
        check(r.topic(), reference::isTopic, "topic", "议题分类");
        check(r.sector(), reference::isSector, "sector", "界别");
        check(r.station(), reference::isStation, "station", "联系点/委员工作站");
        return new Details(channel, trim(r.station()), r.constituents(), trim(r.consultationRef()),
                r.coAuthors() == null ? java.util.List.of() : r.coAuthors().stream().map(String::strip).toList(),
                trim(r.topic()), trim(r.sector()), trim(r.location()),
                r.urgency() == null ? Details.Urgency.NORMAL : WireNamed.fromWireName(Details.Urgency.class, r.urgency()),
                trim(r.suggestions()),
                r.contact() == null ? Details.Contact.NONE : WireNamed.fromWireName(Details.Contact.class, r.contact()),
                r.latitude() == null ? null : new Details.GeoPoint(r.latitude(), r.longitude()));
    }

    /** The constituent a request records, checked: a phone must be a mainland number, an ID number valid. */
    public Constituent constituent(SubmitReportRequest r) {
        var c = r.constituent();
        if (c == null) {
            return Constituent.NONE;
        }
        String phone = trim(c.phone()) == null ? null : c.phone().strip().replace(" ", "");
        if (phone != null && !PersonalDataScanner.validPhone(phone)) {
            throw invalid("constituent-phone", "联系电话格式不正确（如 13812345678 或 0898-66661234）。",
                    "Not a mainland mobile or landline number (e.g. 13812345678 or 0898-66661234).");
        }
        String idNumber = trim(c.idNumber()) == null ? null : c.idNumber().strip().toUpperCase(java.util.Locale.ROOT);
        if (idNumber != null && !PersonalDataScanner.validIdNumber(idNumber)) {
            throw invalid("constituent-id-number", "身份证号不正确（须为 18 位且校验码正确）。",
                    "Not a valid resident ID number (18 characters, check digit).");
        }
        return new Constituent(trim(c.name()), phone, idNumber, trim(c.address()));
    }

    private static void check(String code, java.util.function.Predicate<String> known, String field, String label) {
        if (code != null && !known.test(code)) {
            throw invalid(field, "未知的" + label + "编码：" + code, "Unknown " + field + " code: " + code);
        }
    }

    private static ApiProblem invalid(String field, String zh, String en) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-" + field.toLowerCase(), zh, en);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String trim(String s) {
        return blank(s) ? null : s.strip();
    }
}
