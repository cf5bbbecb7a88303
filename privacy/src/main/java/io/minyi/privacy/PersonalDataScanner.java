package io.minyi.privacy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds personal contact details written into free text — mainland mobile and landline numbers,
 * resident ID numbers (checksum and birth date verified, so a long order number is not one) and e-mail
 * addresses — and produces the text with each one masked. Names and addresses in prose cannot be told
 * from other words reliably; they belong in a report's constituent fields, which are classified by
 * where they are written.
 */
public final class PersonalDataScanner {

    /** One value found: its kind, where it is in the text, and the value itself. */
    public record Found(PersonalKind kind, int start, int end, String value) {
        public String masked() {
            return Masking.mask(kind, value);
        }
    }

    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9A-Za-z])[1-9]\\d{5}(?:19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\d{3}[\\dXx](?![0-9A-Za-z])");
    private static final Pattern MOBILE = Pattern.compile("(?<![0-9])(?:\\+?86[- ]?)?1[3-9]\\d{9}(?![0-9])");
    private static final Pattern LANDLINE = Pattern.compile("(?<![0-9])0\\d{2,3}-\\d{7,8}(?![0-9])");
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] ID_CHECK = "10X98765432".toCharArray();

    public List<Found> find(String text) {
        List<Found> found = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return found;
        }
        collect(ID_NUMBER.matcher(text), PersonalKind.ID_NUMBER, found, true);
        collect(MOBILE.matcher(text), PersonalKind.PHONE, found, false);
        collect(LANDLINE.matcher(text), PersonalKind.PHONE, found, false);
        collect(EMAIL.matcher(text), PersonalKind.EMAIL, found, false);
        found.sort(Comparator.comparingInt(Found::start));
        return found;
    }

    /** The text with every value found replaced by its masked form. */
    public String mask(String text) {
        List<Found> found = find(text);
        if (found.isEmpty()) {
            return text;
        }
        StringBuilder masked = new StringBuilder(text.length());
        int at = 0;
        for (Found f : found) {
            masked.append(text, at, f.start()).append(f.masked());
            at = f.end();
        }
        return masked.append(text, at, text.length()).toString();
    }

    /** Whether {@code value} is a valid resident ID number (GB 11643: 18 characters, ISO 7064 check digit). */
    public static boolean validIdNumber(String value) {
        if (value == null || !ID_NUMBER.matcher(value).matches()) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (value.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return Character.toUpperCase(value.charAt(17)) == ID_CHECK[sum % 11];
    }

    /** Whether {@code value} is a mainland mobile or landline number as the scanner recognises them. */
    public static boolean validPhone(String value) {
        return value != null && (MOBILE.matcher(value).matches() || LANDLINE.matcher(value).matches());
    }

    /** Whether {@code value} is an e-mail address as the scanner recognises them (at most 100 characters). */
    public static boolean validEmail(String value) {
        return value != null && value.length() <= 100 && EMAIL.matcher(value).matches();
    }

    private static void collect(Matcher m, PersonalKind kind, List<Found> found, boolean checkId) {
        while (m.find()) {
            if (checkId && !validIdNumber(m.group())) {
                continue;
            }
            int start = m.start();
            int end = m.end();
            if (found.stream().noneMatch(f -> start < f.end() && f.start() < end)) {
                found.add(new Found(kind, start, end, m.group()));
            }
        }
    }
}
