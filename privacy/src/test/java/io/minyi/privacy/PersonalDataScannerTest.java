package io.minyi.privacy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PersonalDataScannerTest {

    final PersonalDataScanner scanner = new PersonalDataScanner();

    @Test
    void findsMobileLandlineIdNumberAndEmailInChineseText() {
        String text = "群众张先生反映情况，联系电话13812345678，座机0898-66661234，身份证号460100199001011230，"
                + "邮箱 zhang.san@example.com。";
        assertThat(scanner.find(text)).extracting(PersonalDataScanner.Found::kind, PersonalDataScanner.Found::value)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(PersonalKind.PHONE, "13812345678"),
                        org.assertj.core.groups.Tuple.tuple(PersonalKind.PHONE, "0898-66661234"),
                        org.assertj.core.groups.Tuple.tuple(PersonalKind.ID_NUMBER, "460100199001011230"),
                        org.assertj.core.groups.Tuple.tuple(PersonalKind.EMAIL, "zhang.san@example.com"));
        assertThat(scanner.mask(text)).isEqualTo("群众张先生反映情况，联系电话138****5678，座机0898-****1234，身份证号4601**********1230，"
                + "邮箱 z***@example.com。");
    }

    @Test
    void numbersThatAreNotPersonalDataStay() {
        // an 18-digit number with a wrong check digit, an order number, a year and an amount, a code
        String text = "工单号460100199001011238，2026年投入12345678901234元，编号2023110112345，第138号文件";
        assertThat(scanner.find(text)).isEmpty();
        assertThat(scanner.mask(text)).isEqualTo(text);
    }

    @Test
    void aMobileNumberInsideALongerNumberIsNotOne() {
        assertThat(scanner.find("账号6222138123456781234")).isEmpty();
        assertThat(scanner.find("电话+86 13912345678")).singleElement()
                .satisfies(f -> assertThat(f.value()).isEqualTo("+86 13912345678"));
    }

    @Test
    void idNumbersAreCheckedByTheirCheckDigitAndDate() {
        assertThat(PersonalDataScanner.validIdNumber("46010019900101123X")).isFalse();
        assertThat(PersonalDataScanner.validIdNumber("11010519491231002X")).isTrue();
        assertThat(PersonalDataScanner.validIdNumber("110105194913310021")).as("month 13").isFalse();
        assertThat(PersonalDataScanner.validPhone("13812345678")).isTrue();
        assertThat(PersonalDataScanner.validPhone("12812345678")).isFalse();
    }
}
