package io.minyi.contracts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrgPathTest {

    @Test
    void aBodyCoversItselfAndItsSubBodiesButNotSiblings() {
        OrgPath district = OrgPath.of("haikou/longhua");
        assertThat(district.covers(OrgPath.of("haikou/longhua"))).isTrue();
        assertThat(district.covers(OrgPath.of("haikou/longhua/jinyu"))).isTrue();
        assertThat(district.covers(OrgPath.of("haikou/meilan"))).isFalse();
        assertThat(district.covers(OrgPath.of("haikou/longhuaxi"))).isFalse();
        assertThat(district.covers(OrgPath.of("haikou"))).isFalse();
    }

    @Test
    void aBodyIsOnOneLineWithTheBodiesAboveAndBelowItButNotWithSiblingsOrTheirSubBodies() {
        OrgPath district = OrgPath.of("haikou/longhua");
        assertThat(district.onLineWith(OrgPath.of("haikou"))).isTrue();
        assertThat(district.onLineWith(district)).isTrue();
        assertThat(district.onLineWith(OrgPath.of("haikou/longhua/jinyu"))).isTrue();
        assertThat(district.onLineWith(OrgPath.of("haikou/meilan"))).isFalse();
        assertThat(district.onLineWith(OrgPath.of("haikou/meilan/haidian"))).isFalse();
        assertThat(district.onLineWith(OrgPath.of("haikou/longhuaxi"))).isFalse();
    }

    @Test
    void listsItselfAndItsAncestorsTopFirst() {
        assertThat(OrgPath.of("haikou/longhua/jinyu").selfAndAncestors())
                .containsExactly("haikou", "haikou/longhua", "haikou/longhua/jinyu");
        assertThat(OrgPath.of("haikou").selfAndAncestors()).containsExactly("haikou");
    }

    @Test
    void rejectsMalformedPaths() {
        for (String bad : new String[]{"", "/haikou", "haikou/", "Haikou", "haikou//x", "haikou/../x", "海口"}) {
            assertThatThrownBy(() -> OrgPath.of(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
