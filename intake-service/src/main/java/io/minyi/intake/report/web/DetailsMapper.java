package io.minyi.intake.report.web;

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
