package io.minyi.e2e;

import jakarta.mail.BodyPart;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.Store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a mailbox of the local mail server (GreenMail, started by ./minyi) over IMAP, as a person's mail client would. */
final class Mailbox {

    private static final Pattern ACTION_LINK = Pattern.compile("https?://\\S+/login-actions/(action-token|reset-credentials)\\?\\S+");

    /** A mail as read: subject, recipients and the plain text. */
    record Mail(String subject, List<String> to, String text) {
        /** The Keycloak action link in the text (set your password, reset it). */
        String actionLink() {
            Matcher m = ACTION_LINK.matcher(text);
            if (!m.find()) {
                throw new IllegalStateException("no action link in: " + text);
            }
            return m.group();
        }
    }

    private final int port;

    Mailbox(int imapPort) {
        this.port = imapPort;
    }

    /** Waits up to {@code timeout} for a mail to {@code login} whose subject contains {@code subject}; the newest. */
    Mail await(String login, String password, String subject, Duration timeout) throws Exception {
        Instant until = Instant.now().plus(timeout);
        while (true) {
            List<Mail> mails = read(login, password);
            for (int i = mails.size() - 1; i >= 0; i--) {
                if (mails.get(i).subject().contains(subject)) {
                    return mails.get(i);
                }
            }
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("no mail \"" + subject + "\" for " + login + " within " + timeout + "; has: "
                        + mails.stream().map(Mail::subject).toList());
            }
            Thread.sleep(300);
        }
    }

    List<Mail> read(String login, String password) throws Exception {
        Properties props = new Properties();
        props.put("mail.imap.connectiontimeout", "5000");
        props.put("mail.imap.timeout", "10000");
        Store store = Session.getInstance(props).getStore("imap");
        try {
            store.connect("127.0.0.1", port, login, password);
        } catch (jakarta.mail.AuthenticationFailedException e) {
            return List.of(); // GreenMail creates the mailbox with the first mail
        }
        try (store) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                List<Mail> mails = new ArrayList<>();
                for (Message m : inbox.getMessages()) {
                    List<String> to = new ArrayList<>();
                    for (var a : m.getAllRecipients()) {
                        to.add(a.toString());
                    }
                    mails.add(new Mail(m.getSubject(), to, text(m.getContent())));
                }
                return mails;
            } finally {
                inbox.close(false);
            }
        }
    }

    private static String text(Object content) throws Exception {
        if (content instanceof String s) {
            return s;
        }
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                if (part.isMimeType("text/plain")) {
                    return (String) part.getContent();
                }
            }
            return text(multipart.getBodyPart(0).getContent());
        }
        return String.valueOf(content);
    }
}
