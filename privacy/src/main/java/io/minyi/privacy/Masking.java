package io.minyi.privacy;

/**
 * How a personal value is shown wherever a person has not asked (and been allowed) to see it: enough to
 * recognise it ({@code 138****1234}, {@code 张*}), never enough to use it.
 */
public final class Masking {

    public static String mask(PersonalKind kind, String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        return switch (kind) {
            case NAME -> name(value);
            case PHONE -> phone(value);
            case ID_NUMBER -> keep(value, 4, 4);
            case ADDRESS -> address(value);
            case EMAIL -> email(value);
        };
    }

    /** 张三 → 张*, 欧阳娜娜 → 欧***; a Latin name keeps its first letter. */
    static String name(String name) {
        int first = name.offsetByCodePoints(0, 1);
        return name.substring(0, first) + "*".repeat(Math.max(1, name.codePointCount(first, name.length())));
    }

    /** 13812341234 → 138****1234; 0898-66661234 → 0898-****1234. */
    static String phone(String phone) {
        int dash = phone.indexOf('-');
        if (dash > 0) {
            String number = phone.substring(dash + 1);
            return phone.substring(0, dash + 1) + keep(number, 0, Math.min(4, number.length() / 2));
        }
        return keep(phone, 3, 4);
    }

    /** The first six characters (province, city, district) stay: 海南省海口市龙华区滨海大道 → 海南省海口市****. */
    static String address(String address) {
        int shown = Math.min(6, address.codePointCount(0, address.length()) / 2);
        return address.substring(0, address.offsetByCodePoints(0, shown)) + "****";
    }

    static String email(String email) {
        int at = email.indexOf('@');
        return at <= 0 ? keep(email, 1, 0) : email.charAt(0) + "***" + email.substring(at);
    }

    /** Keeps {@code head} characters at the start and {@code tail} at the end, stars in between. */
    static String keep(String value, int head, int tail) {
        if (value.length() <= head + tail) {
            return "*".repeat(value.length());
        }
        return value.substring(0, head) + "*".repeat(value.length() - head - tail) + value.substring(value.length() - tail);
    }

    private Masking() {
    }
}
