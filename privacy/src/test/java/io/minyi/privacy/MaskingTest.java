package io.minyi.privacy;

import org.junit.jupiter.api.Test;

import static io.minyi.privacy.Masking.mask;
import static org.assertj.core.api.Assertions.assertThat;

class MaskingTest {

    @Test
    void eachKindKeepsOnlyWhatRecognisesIt() {
        assertThat(mask(PersonalKind.NAME, "张三")).isEqualTo("张*");
        assertThat(mask(PersonalKind.NAME, "欧阳娜娜")).isEqualTo("欧***");
        assertThat(mask(PersonalKind.PHONE, "13812341234")).isEqualTo("138****1234");
        assertThat(mask(PersonalKind.PHONE, "0898-66661234")).isEqualTo("0898-****1234");
        assertThat(mask(PersonalKind.ID_NUMBER, "460100199001011237")).isEqualTo("4601**********1237");
        assertThat(mask(PersonalKind.ADDRESS, "海南省海口市龙华区滨海大道1号")).isEqualTo("海南省海口市****");
        assertThat(mask(PersonalKind.ADDRESS, "龙华路8号")).isEqualTo("龙华****");
        assertThat(mask(PersonalKind.EMAIL, "zhang@example.com")).isEqualTo("z***@example.com");
        assertThat(mask(PersonalKind.NAME, null)).isNull();
    }
}
