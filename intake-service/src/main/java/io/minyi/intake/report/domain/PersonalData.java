package io.minyi.intake.report.domain;

import io.minyi.privacy.PersonalDataScanner;
import io.minyi.privacy.PersonalKind;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The personal information of one report, in plain text, as it exists only in memory: the constituent,
 * and the original wording of every text field in which contact details were found (the report itself
 * keeps those fields masked). Stored sealed with the report's data key; never in an event.
 *
 * @param originals field name ({@code title}, {@code body}, {@code suggestions}, {@code location}) → the
 *                  text as written, for the fields masking changed
 * @param found     the kinds found in the text fields
 */
public record PersonalData(Constituent constituent, Map<String, String> originals, Set<PersonalKind> found) {

    public static final PersonalData NONE = new PersonalData(Constituent.NONE, Map.of(), Set.of());

    public PersonalData {
        originals = Map.copyOf(originals);
        found = found.isEmpty() ? Set.of() : EnumSet.copyOf(found);
    }

    public boolean isEmpty() {
        return constituent.isEmpty() && originals.isEmpty();
    }

    /** Every kind of personal information the report holds: the constituent's fields and what the text had. */
    public Set<PersonalKind> kinds() {
        Set<PersonalKind> kinds = EnumSet.noneOf(PersonalKind.class);
        kinds.addAll(constituent.kinds());
        kinds.addAll(found);
        return kinds;
    }

    /** Masks contact details in a report's text fields, remembering each field's original. */
    public static final class Masker {
        private final PersonalDataScanner scanner;
        private final Map<String, String> originals = new LinkedHashMap<>();
        private final Set<PersonalKind> found = EnumSet.noneOf(PersonalKind.class);

        public Masker(PersonalDataScanner scanner) {
            this.scanner = scanner;
        }

        public String mask(String field, String text) {
            if (text == null) {
                return null;
            }
            var values = scanner.find(text);
            if (values.isEmpty()) {
                return text;
            }
            values.forEach(v -> found.add(v.kind()));
            originals.put(field, text);
            return scanner.mask(text);
        }

        public PersonalData with(Constituent constituent) {
            return new PersonalData(constituent, originals, found);
        }
    }
}
