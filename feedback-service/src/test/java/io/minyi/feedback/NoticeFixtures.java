package io.minyi.feedback;

import io.minyi.contracts.reference.ReferenceChanged;
import jakarta.mail.internet.MimeMultipart;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the notice tests share: a registry department with an address, and a mail's plain text. */
final class NoticeFixtures {

    private NoticeFixtures() {
    }

    /** The text/plain part, however deep the multipart nests it. */
    static String plainText(Object content) throws Exception {
        if (content instanceof MimeMultipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                var part = multipart.getBodyPart(i);
                if (part.isMimeType("text/plain")) {
                    return part.getContent().toString();
                }
                String inner = plainText(part.getContent());
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }

    static ReferenceChanged department(String code, String name, String org, String email) {
        return new ReferenceChanged(UUID.randomUUID(), Instant.now(), "test-admin", 1, "departments", code, name, org,
                true, List.of(), new ReferenceChanged.Department(name, "party-government", "联系人", null, email));
    }
}
