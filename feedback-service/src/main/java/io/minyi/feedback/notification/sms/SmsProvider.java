package io.minyi.feedback.notification.sms;

import java.util.Map;

/** A provider's SMS service: one message from a registered template with its parameters, to one mobile number. */
public interface SmsProvider {

    /** Sent: the provider's id of the message. Throws {@link Refused} when the provider says no (with its code). */
    String send(String mobile, String templateCode, Map<String, String> params) throws Exception;

    /** The provider refused the message: its code and message (a bad number, an unapproved template, a limit). */
    class Refused extends Exception {
        private final String code;

        public Refused(String code, String message) {
            super(code + ": " + message);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }
}
