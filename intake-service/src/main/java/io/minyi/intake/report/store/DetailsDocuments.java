package io.minyi.intake.report.store;

import io.minyi.contracts.WireNamed;
import io.minyi.intake.report.domain.Details;
import org.bson.Document;

import java.util.List;

/** {@link Details} as a MongoDB sub-document, wire names for the enums. */
final class DetailsDocuments {

    static Document toDocument(Details d) {
        return new Document("channel", d.channel().wireName()).append("station", d.station())
                .append("constituents", d.constituents()).append("consultationRef", d.consultationRef())
                .append("coAuthors", d.coAuthors()).append("topic", d.topic()).append("sector", d.sector())
                .append("location", d.location()).append("urgency", d.urgency().wireName())
                .append("suggestions", d.suggestions()).append("contact", d.contact().wireName())
                .append("point", d.point() == null ? null : new Document("type", "Point").append("coordinates",
                        List.of(d.point().longitude(), d.point().latitude())));
    }

    /** Reports stored before details existed read as {@link Details#NONE}. */
    static Details fromDocument(Document d) {
        if (d == null) {
            return Details.NONE;
        }
        return new Details(WireNamed.fromWireName(Details.Channel.class, d.getString("channel")),
                d.getString("station"), d.getInteger("constituents"), d.getString("consultationRef"),
                d.getList("coAuthors", String.class), d.getString("topic"), d.getString("sector"),
                d.getString("location"), WireNamed.fromWireName(Details.Urgency.class, d.getString("urgency")),
                d.getString("suggestions"), WireNamed.fromWireName(Details.Contact.class, d.getString("contact")),
                point(d.get("point", Document.class)));
    }

    /** A GeoJSON point, longitude first, as MongoDB's 2dsphere indexes want it. */
    private static Details.GeoPoint point(Document geoJson) {
        if (geoJson == null) {
            return null;
        }
        List<Double> coordinates = geoJson.getList("coordinates", Double.class);
        return new Details.GeoPoint(coordinates.get(1), coordinates.get(0));
    }

    private DetailsDocuments() {
    }
}
