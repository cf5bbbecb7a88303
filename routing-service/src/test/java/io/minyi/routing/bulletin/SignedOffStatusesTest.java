package io.minyi.routing.bulletin;

import io.minyi.contracts.ReportStatus;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;

class SignedOffStatusesTest {

    /** A status added to the life of a report must be placed on one side: signed off by then, or not. */
    @Test
    void everyStatusIsEitherBeforeSignOffOrAfterIt() {
        var before = EnumSet.of(ReportStatus.SUBMITTED, ReportStatus.EDITING, ReportStatus.RETURNED,
                ReportStatus.FORWARDED_UP, ReportStatus.REJECTED, ReportStatus.MERGED, ReportStatus.WITHDRAWN);
        assertThat(EnumSet.complementOf(before)).isEqualTo(EnumSet.copyOf(Bulletins.SIGNED_OFF_OR_LATER));
    }
}
