package io.minyi.testsupport;

import io.minyi.support.messaging.ReportEventHandler;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Consumer contract of a service: every golden file of every report event (current and legacy), fed to every
 * handler of the service, twice. A service's {@code GoldenEventsIT} extends it.
 */
public abstract class GoldenEventsContract {

    @Autowired
    protected List<ReportEventHandler> handlers;

    @Test
    void everyHandlerTakesEveryVersionOfEveryEventAndItsRedelivery() {
        assertThat(handlers).isNotEmpty();
        assertThat(GoldenEvents.feed(handlers)).isEmpty();
    }
}
