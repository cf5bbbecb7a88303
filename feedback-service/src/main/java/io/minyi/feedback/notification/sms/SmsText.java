package io.minyi.feedback.notification.sms;

/** How a Chinese SMS is billed and split: 70 characters fit one message, a longer one goes in parts of 67. */
public final class SmsText {

    private SmsText() {
    }

    public static int segments(String text) {
        int length = text.codePointCount(0, text.length());
        return length <= 70 ? 1 : (length + 66) / 67;
    }

    /** A template parameter kept short (providers cap a variable's length): at most {@code max} characters. */
    public static String shortened(String value, int max) {
        if (value == null) {
            return "";
        }
        return value.codePointCount(0, value.length()) <= max ? value
                : value.substring(0, value.offsetByCodePoints(0, max - 1)) + "…";
    }
}
