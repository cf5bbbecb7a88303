package io.minyi.support.observability;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.minyi.privacy.PersonalDataScanner;

/**
 * Log lines never carry contact details in plain: the message of every line ({@code %m}, {@code %msg})
 * is written with mobile and landline numbers, ID numbers and e-mail addresses masked, whatever a
 * developer passed to the logger. Registered by the services' {@code logback-spring.xml}.
 */
public class MaskedMessageConverter extends MessageConverter {

    private static final PersonalDataScanner SCANNER = new PersonalDataScanner();

    @Override
    public String convert(ILoggingEvent event) {
        return SCANNER.mask(super.convert(event));
    }
}
