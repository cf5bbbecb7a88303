package io.minyi.intake.report.domain;

import io.minyi.privacy.Masking;
import io.minyi.privacy.PersonalKind;

import java.util.EnumSet;
import java.util.Set;

/**
 * The constituent (群众) a concern came from, when the author records who it was: personal information
 * under PIPL, stored encrypted and shown masked. Every part is optional.
 */
public record Constituent(String name, String phone, String idNumber, String address) {

    public static final Constituent NONE = new Constituent(null, null, null, null);

    public boolean isEmpty() {
        return name == null && phone == null && idNumber == null && address == null;
    }

    public Set<PersonalKind> kinds() {
        Set<PersonalKind> kinds = EnumSet.noneOf(PersonalKind.class);
        if (name != null) {
            kinds.add(PersonalKind.NAME);
        }
        if (phone != null) {
            kinds.add(PersonalKind.PHONE);
        }
        if (idNumber != null) {
            kinds.add(PersonalKind.ID_NUMBER);
        }
        if (address != null) {
            kinds.add(PersonalKind.ADDRESS);
        }
        return kinds;
    }

    /** The same constituent as lists, dashboards and notifications may show it. */
    public Constituent masked() {
        return new Constituent(Masking.mask(PersonalKind.NAME, name), Masking.mask(PersonalKind.PHONE, phone),
                Masking.mask(PersonalKind.ID_NUMBER, idNumber), Masking.mask(PersonalKind.ADDRESS, address));
    }

    /** What the assigned department may see to contact the constituent: name and phone, no ID number or address. */
    public Constituent contactOnly() {
        return new Constituent(name, phone, null, null);
    }
}
