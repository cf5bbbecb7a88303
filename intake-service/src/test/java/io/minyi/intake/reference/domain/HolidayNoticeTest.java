package io.minyi.intake.reference.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class HolidayNoticeTest {

    static final String NOTICE_2026 = """
            一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
            二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
            三、清明节：4月4日（周六）至6日（周一）放假，共3天。
            四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。
            五、端午节：6月19日（周五）至21日（周日）放假，共3天。
            六、中秋节：9月25日（周五）至27日（周日）放假，共3天。9月20日（周日）上班。
            七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。10月10日（周六）上班。
            """;

    @Test
    void readsEveryItemsDaysOffAndWorkingWeekends() {
        CalendarYear y = HolidayNotice.read(2026, NOTICE_2026, "国办发明电〔2025〕7号");
        assertThat(y.holidays()).hasSize(33).contains(LocalDate.of(2026, 2, 23), LocalDate.of(2026, 10, 7))
                .doesNotContain(LocalDate.of(2026, 2, 24));
        assertThat(y.workingWeekends()).containsExactly(LocalDate.of(2026, 1, 4), LocalDate.of(2026, 2, 14),
                LocalDate.of(2026, 2, 28), LocalDate.of(2026, 5, 9), LocalDate.of(2026, 9, 20), LocalDate.of(2026, 10, 10));
        assertThat(y.problems()).isEmpty();
    }

    @Test
    void aSingleDayOffAndAnItemWithoutExchangeAreRead() {
        CalendarYear y = HolidayNotice.read(2025, "一、元旦：1月1日（周三）放假1天，不调休。", null);
        assertThat(y.holidays()).containsExactly(LocalDate.of(2025, 1, 1));
        assertThat(y.workingWeekends()).isEmpty();
    }

    @Test
    void datesOutsideTheYearOrOnWeekdaysAreProblems() {
        var y = new CalendarYear(2027, java.util.List.of(LocalDate.of(2026, 12, 31)),
                java.util.List.of(LocalDate.of(2027, 3, 3)), null);
        assertThat(y.problems()).extracting(CalendarYear.Problem::field).containsExactly("holidays", "workingWeekends");
    }
}
