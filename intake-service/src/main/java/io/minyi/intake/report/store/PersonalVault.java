package io.minyi.intake.report.store;

import io.minyi.intake.report.domain.Constituent;
import io.minyi.intake.report.domain.PersonalData;
import io.minyi.privacy.Envelope;
import io.minyi.privacy.PersonalKind;
import io.minyi.support.privacy.Seals;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A report's personal data as stored: sealed field by field with the report's own data key, which is
 * stored wrapped by the master key ({@code personal.key}). Removing {@code personal} erases it for good.
 */
@Component
public class PersonalVault {

    private static final String[] CONSTITUENT = {"name", "phone", "idNumber", "address"};

    private final Seals seals;

    public PersonalVault(Seals seals) {
        this.seals = seals;
    }

    public Document seal(String reportId, PersonalData data) {
        Envelope envelope = seals.create(reportId);
        try {
            Document fields = new Document();
            Constituent c = data.constituent();
            String[] values = {c.name(), c.phone(), c.idNumber(), c.address()};
            for (int i = 0; i < CONSTITUENT.length; i++) {
                if (values[i] != null) {
                    fields.append("constituent." + CONSTITUENT[i], envelope.seal("constituent." + CONSTITUENT[i], values[i]));
                }
            }
            data.originals().forEach((field, text) -> fields.append("original." + field, envelope.seal("original." + field, text)));
            return new Document("key", key(envelope))
                    .append("found", data.found().stream().map(PersonalKind::wireName).toList())
                    .append("fields", fields);
        } finally {
            envelope.forget();
        }
    }

    /** A whole text (a draft's content) sealed under its own data key, bound to {@code context}. */
    public Document sealText(String context, String text) {
        Envelope envelope = seals.create(context);
        try {
            return new Document("key", key(envelope)).append("sealed", envelope.seal("text", text));
        } finally {
            envelope.forget();
        }
    }

    public String openText(String context, Document sealed) {
        Envelope envelope = envelope(context, sealed);
        try {
            return envelope.unseal("text", sealed.getString("sealed"));
        } finally {
            envelope.forget();
        }
    }

    private static Document key(Envelope envelope) {
        return Seals.keyDocument(envelope);
    }

    private Envelope envelope(String context, Document sealed) {
        return seals.open(context, sealed.get("key", Document.class));
    }

    public PersonalData open(String reportId, Document sealed) {
        Envelope envelope = envelope(reportId, sealed);
        try {
            Document fields = sealed.get("fields", Document.class);
            String[] values = new String[CONSTITUENT.length];
            for (int i = 0; i < CONSTITUENT.length; i++) {
                String name = "constituent." + CONSTITUENT[i];
                values[i] = envelope.unseal(name, fields.getString(name));
            }
            Map<String, String> originals = new LinkedHashMap<>();
            fields.keySet().stream().filter(f -> f.startsWith("original."))
                    .forEach(f -> originals.put(f.substring("original.".length()), envelope.unseal(f, fields.getString(f))));
            Set<PersonalKind> found = EnumSet.noneOf(PersonalKind.class);
            sealed.getList("found", String.class, java.util.List.of()).forEach(k -> found.add(PersonalKind.ofWireName(k)));
            return new PersonalData(new Constituent(values[0], values[1], values[2], values[3]), originals, found);
        } finally {
            envelope.forget();
        }
    }

    static Document masked(Constituent masked) {
        Document d = new Document();
        String[] values = {masked.name(), masked.phone(), masked.idNumber(), masked.address()};
        for (int i = 0; i < CONSTITUENT.length; i++) {
            if (values[i] != null) {
                d.append(CONSTITUENT[i], values[i]);
            }
        }
        return d;
    }

    static Constituent maskedFrom(Document d) {
        return d == null ? Constituent.NONE
                : new Constituent(d.getString("name"), d.getString("phone"), d.getString("idNumber"), d.getString("address"));
    }

}
