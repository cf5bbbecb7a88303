package io.minyi.support.observability;

import io.minyi.privacy.PersonalDataScanner;
import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;

/**
 * The JSON log lines (ECS, {@code logging.structured.format.file}) carry no contact details in plain either:
 * every text value — the message, an exception's message and stack trace, MDC fields — is written with
 * mobile and landline numbers, ID numbers and e-mail addresses masked, as {@link MaskedMessageConverter}
 * does for the console.
 */
public class MaskedJsonLogs implements StructuredLoggingJsonMembersCustomizer<Object> {

    private static final PersonalDataScanner SCANNER = new PersonalDataScanner();

    @Override
    public void customize(JsonWriter.Members<Object> members) {
        members.applyingValueProcessor(JsonWriter.ValueProcessor.of(String.class, SCANNER::mask));
    }
}
