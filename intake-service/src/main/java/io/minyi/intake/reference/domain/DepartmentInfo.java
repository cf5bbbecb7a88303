package io.minyi.intake.reference.domain;

import io.minyi.contracts.WireNamed;
import io.minyi.privacy.PersonalDataScanner;

import java.util.Arrays;
import java.util.Optional;

/**
 * What the registry keeps of a department (承办单位) besides its full name and body: the short name
 * shown in lists, its kind, and the contact for notices.
 */
public record DepartmentInfo(String shortName, String kind, String contactPerson, String phone, String email) {

    public static final int MAX_SHORT_NAME = 20;
    public static final int MAX_CONTACT = 20;

    /** The kinds offices sort their departments into; the label is what the template and screens show. */
    public enum Kind implements WireNamed {
        PARTY_GOVERNMENT("party-government", "党政部门"),
        PEOPLE_ORGANIZATION("people-organization", "人民团体"),
        ENTERPRISE_INSTITUTION("enterprise-institution", "企事业单位"),
        OTHER("other", "其他");

        private final Names names;

        Kind(String wire, String label) {
            this.names = new Names(wire, label);
        }

        @Override
        public Names names() {
            return names;
        }

        /** By wire name or Chinese label. */
        public static Optional<Kind> parse(String value) {
            String v = value == null ? "" : value.strip();
            return Arrays.stream(values()).filter(k -> k.wireName().equals(v) || k.label().equals(v)).findFirst();
        }
    }

    /** A mobile, or a landline with its area code, as the privacy module recognises phone numbers. */
    public static boolean isPhone(String value) {
        return PersonalDataScanner.validPhone(value);
    }

    public static boolean isEmail(String value) {
        return PersonalDataScanner.validEmail(value);
    }
}
