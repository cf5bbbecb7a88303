package io.minyi.intake.report.domain;

import io.minyi.contracts.WireNamed;

import java.util.List;
import java.util.Objects;

/**
 * What a report records besides its title and text: how it came in and how to classify it.
 *
 * @param channel          how the concern reached the author
 * @param station          the liaison station (code) of a visit or reception, if any
 * @param constituents     how many constituents a visit or reception involved (visit channel only)
 * @param consultationRef  the reference of the grassroots consultation it escalates (consultation channel)
 * @param coAuthors        further authors' names, credited with the author
 * @param topic            topic code from the reference catalogue
 * @param sector           sector (界别) code from the reference catalogue
 * @param location         where the problem is, free text
 * @param urgency          how urgent the author thinks it is
 * @param suggestions      the author's concrete suggestions, if written apart from the text
 * @param contact          whether and how the author wants to be contacted about it
 * @param point            where the problem is on the map (WGS 84), if the author's device or client gave it
 */
public record Details(Channel channel, String station, Integer constituents, String consultationRef,
                      List<String> coAuthors, String topic, String sector, String location, Urgency urgency,
                      String suggestions, Contact contact, GeoPoint point) {

    public static final Details NONE = new Details(Channel.OWN_OBSERVATION, null, null, null, List.of(), null, null,
            null, Urgency.NORMAL, null, Contact.NONE, null);

    /** A WGS 84 position: latitude −90…90, longitude −180…180. */
    public record GeoPoint(double latitude, double longitude) {
        public GeoPoint {
            if (latitude < -90 || latitude > 90 || longitude < -180 || longitude > 180
                    || Double.isNaN(latitude) || Double.isNaN(longitude)) {
                throw new IllegalArgumentException("not a WGS 84 position: " + latitude + ", " + longitude);
            }
        }
    }

    /** The same details with these free-text fields (their masked wording). */
    public Details withTexts(String suggestions, String location) {
        return new Details(channel, station, constituents, consultationRef, coAuthors, topic, sector, location, urgency,
                suggestions, contact, point);
    }

    public Details {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(urgency, "urgency");
        Objects.requireNonNull(contact, "contact");
        coAuthors = coAuthors == null ? List.of() : List.copyOf(coAuthors);
    }

    public enum Channel implements WireNamed {
        OWN_OBSERVATION("own-observation", "自身调研观察"),
        VISIT("visit", "走访/接访"),
        ONLINE("online", "线上征集"),
        MICRO_SUGGESTION("micro-suggestion", "微建议"),
        CONSULTATION("consultation", "协商未解决转化");

        private final Names names;

        Channel(String wireName, String label) {
            this.names = new Names(wireName, label);
        }

        @Override
        public Names names() {
            return names;
        }
    }

    public enum Urgency implements WireNamed {
        NORMAL("normal", "一般"), URGENT("urgent", "紧急"), VERY_URGENT("very-urgent", "特急");

        private final Names names;

        Urgency(String wireName, String label) {
            this.names = new Names(wireName, label);
        }

        @Override
        public Names names() {
            return names;
        }
    }

    public enum Contact implements WireNamed {
        NONE("none", "无需联系"), PHONE("phone", "电话联系"), MESSAGE("message", "站内消息");

        private final Names names;

        Contact(String wireName, String label) {
            this.names = new Names(wireName, label);
        }

        @Override
        public Names names() {
            return names;
        }
    }
}
