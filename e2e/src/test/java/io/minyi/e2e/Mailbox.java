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
        return await(login, password, subject, "", timeout);
    }

    /** The same, for a mail whose text also contains {@code text}. */
    Mail await(String login, String password, String subject, String text, Duration timeout) throws Exception {
        Instant until = Instant.now().plus(timeout);
        while (true) {
            List<Mail> mails = read(login, password, subject).stream().filter(m -> m.text().contains(text)).toList();
            if (!mails.isEmpty()) {
                return mails.get(mails.size() - 1);
            }
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("no mail \"" + subject + "\" for " + login + " within " + timeout + "; has: "
                        + headers(login, password, "").stream().map(Header::subject).toList());
            }
            Thread.sleep(300);
        }
    }

    List<Mail> read(String login, String password) throws Exception {
        return read(login, password, "");
    }

    /** The mails whose subject contains {@code subject}, oldest first (the others' bodies are never fetched). */
    List<Mail> read(String login, String password, String subject) throws Exception {
        return open(login, password, inbox -> {
            List<Mail> mails = new ArrayList<>();
            for (Message m : envelopes(inbox)) {
                if (m.getSubject() != null && m.getSubject().contains(subject)) {
                    List<String> to = new ArrayList<>();
                    for (var a : m.getAllRecipients()) {
                        to.add(a.toString());
                    }
                    mails.add(new Mail(m.getSubject(), to, text(m.getContent())));
                }
            }
            return mails;
        });
    }

    /** A mail's identity as its headers give it: subject, Message-ID and the notice it carries. */
    record Header(String subject, String messageId, String notification) {
    }

    /** The headers of the mails whose subject contains {@code subject}, oldest first. */
    List<Header> headers(String login, String password, String subject) throws Exception {
        return open(login, password, inbox -> {
            List<Header> headers = new ArrayList<>();
            for (Message m : envelopes(inbox)) {
                if (m.getSubject() != null && m.getSubject().contains(subject)) {
                    String[] notice = m.getHeader("X-Minyi-Notification");
                    String[] id = m.getHeader("Message-ID");
                    headers.add(new Header(m.getSubject(), id == null ? null : id[0], notice == null ? null : notice[0]));
                }
            }
            return headers;
        });
    }

    private interface Reading<T> {
        T read(Folder inbox) throws Exception;
    }

    private static Message[] envelopes(Folder inbox) throws Exception {
        Message[] messages = inbox.getMessages();
        jakarta.mail.FetchProfile profile = new jakarta.mail.FetchProfile();
        profile.add(jakarta.mail.FetchProfile.Item.ENVELOPE);
        profile.add("X-Minyi-Notification");
        profile.add("Message-ID");
        inbox.fetch(messages, profile);
        return messages;
    }

    private <T extends List<?>> T open(String login, String password, Reading<T> reading) throws Exception {
        Properties props = new Properties();
        props.put("mail.imap.connectiontimeout", "5000");
        props.put("mail.imap.timeout", "10000");
        Store store = Session.getInstance(props).getStore("imap");
        try {
            store.connect("127.0.0.1", port, login, password);
        } catch (jakarta.mail.AuthenticationFailedException e) {
            @SuppressWarnings("unchecked") T none = (T) List.of(); // GreenMail creates the mailbox with the first mail
            return none;
        }
        try (store) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                return reading.read(inbox);
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
