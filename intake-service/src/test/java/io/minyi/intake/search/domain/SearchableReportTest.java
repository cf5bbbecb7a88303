package io.minyi.intake.search.domain;

import io.minyi.contracts.Actor;
import io.minyi.contracts.OrgPath;
import io.minyi.contracts.ReportEdited;
import io.minyi.contracts.ReportInstructed;
import io.minyi.testsupport.ReportEventMother;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class SearchableReportTest {

    static final String ORG = "haikou/longhua";

    @Test
    void editsReplaceTheTextAnswersAndInstructionsAreAddedOnceAndTheStateFollows() {
        var r = SearchableReport.of("r1", ORG);
        assertThat(r.searchable()).isFalse();
        assertThat(r.apply(ReportEventMother.submitted("r1", ORG))).isTrue();
        assertThat(r.searchable()).isTrue();
        assertThat(r.status).isEqualTo("submitted");
        var edited = new ReportEdited(UUID.randomUUID(), Instant.now(), "r1", OrgPath.of(ORG), new Actor("e", "编辑", "editor"),
                2, null, "改写后的正文", "transport", null, null, "采编");
        r.apply(edited);
        assertThat(r.body).isEqualTo("改写后的正文");
        assertThat(r.title).isEqualTo("老旧小区加装电梯进展缓慢");
        assertThat(r.topic).isEqualTo("transport");
        var answer = ReportEventMother.responded("r1", ORG, "haikou-housing");
        assertThat(r.apply(answer)).isTrue();
        assertThat(r.apply(answer)).as("redelivered").isFalse();
        assertThat(r.answers).containsExactly(answer.response());
        assertThat(r.status).isEqualTo("responded");
        r.apply(new ReportInstructed(UUID.randomUUID(), Instant.now(), "r1", OrgPath.of(ORG), new Actor("l", "市长", "leader"),
                "市长", "请抓紧研究", false));
        assertThat(r.instructions).containsExactly("请抓紧研究");
        r.apply(ReportEventMother.assigned("r1", ORG, "haikou-housing"));
        assertThat(r.departments).containsExactly("haikou-housing");
    }
}
