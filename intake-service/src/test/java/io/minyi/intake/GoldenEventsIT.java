package io.minyi.intake;

import io.minyi.intake.search.index.ReportIndex;
import io.minyi.testsupport.GoldenEvents;
import io.minyi.testsupport.GoldenEventsContract;
import io.minyi.testsupport.MinyiServiceIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every golden report event, fed to every handler of this service and to its search index, twice. */
@MinyiServiceIT
class GoldenEventsIT extends GoldenEventsContract {

    @Autowired ReportIndex search;

    @Test
    void theSearchIndexTakesThemToo() {
        // the search index reads the topic in a consumer of its own
        assertThat(GoldenEvents.feed(List.of(search::apply))).isEmpty();
    }
}
