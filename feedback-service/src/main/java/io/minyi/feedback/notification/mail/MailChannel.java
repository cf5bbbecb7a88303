package io.minyi.feedback.notification.mail;

import io.minyi.feedback.notification.domain.Notification;
import io.minyi.feedback.notification.domain.NotificationChannel;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.util.Locale;
import java.util.List;

/**
 * Notices by e-mail over SMTP (Spring's JavaMailSender): to the recipient's address — a department's
 * from the registry, a person's from their account, an office's or leaders' to each editor or leader of the
 * body in one message — except those who turned e-mail off or read it as the daily digest; subject 【民意】 and the notice's title, a text and
 * an HTML part from the Chinese templates {@code notify/<kind>.txt|html} (else {@code notify/notice.*}),
 * with the link to the item in the web app. A recipient without an address is noted, not retried.
 */
public class MailChannel implements NotificationChannel {

    private final JavaMailSender sender;
    private final Addresses addresses;
    private final String from;
    private final String fromName;
    private final String publicUrl;
    private final java.util.function.BiPredicate<String, String> wanted;
    private final NoticeTemplates templates;
    private final Digest digest;
    private final TemplateEngine text = engine(TemplateMode.TEXT, ".txt");
    private final TemplateEngine html = engine(TemplateMode.HTML, ".html");

    /** Where the notices go of those who read their e-mail as one daily digest. */
    public interface Digest {
        boolean wanted(String person);

        /** Keeps the notice for {@code person}'s next digest. */
        void hold(String person, Notification n);
    }

    /** {@code wanted}: whether a recipient takes notices on a channel (their preferences). */
    public MailChannel(JavaMailSender sender, Addresses addresses, String from, String fromName, String publicUrl,
                       java.util.function.BiPredicate<String, String> wanted, NoticeTemplates templates, Digest digest) {
        this.wanted = wanted;
        this.digest = digest;
        this.templates = templates;
        this.sender = sender;
        this.addresses = addresses;
        this.from = from;
        this.fromName = fromName;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    @Override
    public String name() {
        return "email";
    }

    @Override
    public String send(Notification n) throws Exception {
        List<Addresses.Person> people = addresses.people(n.recipient());
        List<String> to = new java.util.ArrayList<>();
        String none = "no-address";
        for (Addresses.Person person : people) {
            if (!wanted.test(person.recipient(), name())) {
                none = "opted-out";
            } else if (person.email().isEmpty()) {
                continue;
            } else if (!"digest".equals(n.kind()) && digest.wanted(person.recipient())) {
                digest.hold(person.recipient(), n);
                none = "held-for-digest";
            } else {
                to.add(person.email().get());
            }
        }
        if (to.isEmpty()) {
            return none;
        }
        Context model = new Context(Locale.SIMPLIFIED_CHINESE);
        model.setVariable("title", n.title());
        model.setVariable("text", n.text());
        model.setVariable("link", link(n));
        model.setVariable("department", n.recipient().startsWith("d:"));
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper mail = new MimeMessageHelper(message, true, "UTF-8");
        mail.setFrom(from, fromName);
        mail.setTo(to.toArray(String[]::new));
        var custom = templates.forMail(n.kind());
        if (custom.isPresent()) {
            String body = NoticeTemplates.fill(custom.get().text(), n.title(), n.text(), link(n));
            model.setVariable("lines", java.util.List.of(body.split("\\R")));
            mail.setSubject(NoticeTemplates.fill(custom.get().subject(), n.title(), n.text(), link(n)));
            mail.setText(body, html.process("custom", model));
        } else {
            String template = templateFor(n.kind());
            mail.setSubject("【民意】" + n.title());
            mail.setText(text.process(template, model), html.process(template, model));
        }
        message.setHeader("X-Minyi-Notification", n.id());
        // the same notice is the same message: a resend after a crash keeps its id (Spring keeps one set here)
        message.setHeader("Message-ID", messageId(n));
        sender.send(message);
        return null;
    }

    /** The one Message-ID of a notice's e-mail, however often it is sent. */
    public String messageId(Notification n) {
        String domain = from.contains("@") ? from.substring(from.indexOf('@') + 1) : "minyi.local";
        return "<" + java.util.UUID.nameUUIDFromBytes(("email|" + n.id()).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                + ".notice@" + domain + ">";
    }

    /** The item in the web app: a department's inbox, the office's and leaders' queues, an author's report, the notices. */
    String link(Notification n) {
        String r = n.recipient();
        String view = n.reportId() == null ? "notifications" : r.startsWith("d:") ? "inbox"
                : r.startsWith("o:") || r.startsWith("l:") ? "queues" : "reports";
        return publicUrl + "/app/index.html#/" + view;
    }

    private static final java.util.Map<String, String> TEMPLATES = new java.util.concurrent.ConcurrentHashMap<>();

    /** The kind's own template if it ships one, else the general one (looked up once per kind). */
    private static String templateFor(String kind) {
        return TEMPLATES.computeIfAbsent(kind, k ->
                MailChannel.class.getClassLoader().getResource("notify/" + k + ".txt") != null ? k : "notice");
    }

    private static TemplateEngine engine(TemplateMode mode, String suffix) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("notify/");
        resolver.setSuffix(suffix);
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }
}
