package io.minyi.intake.reference.domain;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the registry keeps of a department (承办单位) besides its full name and body: the short name
 * shown in lists, its kind, and the contact for notices.
 */
public record DepartmentInfo(String shortName, String kind, String contactPerson, String phone, String email) {

    public static final int MAX_SHORT_NAME = 20;
    public static final int MAX_CONTACT = 20;
    static final Pattern PHONE = Pattern.compile("(1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}(-\\d{1,5})?)");
    static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");

    /** The kinds offices sort their departments into; the label is what the template and screens show. */
    public enum Kind {
        PARTY_GOVERNMENT("party-government", "党政部门"),
        PEOPLE_ORGANIZATION("people-organization", "人民团体"),
        ENTERPRISE_INSTITUTION("enterprise-institution", "企事业单位"),
        OTHER("other", "其他");

        public final String wire;
        public final String label;

        Kind(String wire, String label) {
            this.wire = wire;
            this.label = label;
        }

        /** By wire name or Chinese label. */
        public static Optional<Kind> parse(String value) {
            String v = value == null ? "" : value.strip();
            return Arrays.stream(values()).filter(k -> k.wire.equals(v) || k.label.equals(v)).findFirst();
        }
    }

    public static boolean isPhone(String value) {
        return PHONE.matcher(value).matches();
    }

    public static boolean isEmail(String value) {
        return value.length() <= 100 && EMAIL.matcher(value).matches();
    }
}
