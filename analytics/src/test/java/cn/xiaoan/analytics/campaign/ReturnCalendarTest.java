package cn.xiaoan.analytics.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xiaoan.domain.Dataset;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReturnCalendarTest {
    private static ReturnRule rule(Cadence cadence, String from, String to) {
        return new ReturnRule(
                "r",
                new LocalizedName("报送", "Return"),
                Optional.of(Dataset.LEDGER),
                cadence,
                new DateRange(LocalDate.parse(from), LocalDate.parse(to)),
                true);
    }

    @Test
    void weeklyPeriodsEndOnTheWeekdayAndTakeLateReturnsForThreeDays() {
        // 2019-12-01 is a Sunday: the first Thursday is 12-05
        List<ReturnPeriod> periods =
                ReturnCalendar.periods(rule(new Cadence.Weekly(DayOfWeek.THURSDAY), "2019-12-01", "2019-12-31"));

        assertThat(periods)
                .extracting(ReturnPeriod::due)
                .containsExactly(
                        LocalDate.parse("2019-12-05"),
                        LocalDate.parse("2019-12-12"),
                        LocalDate.parse("2019-12-19"),
                        LocalDate.parse("2019-12-26"));
        assertThat(periods.get(0).opens()).isEqualTo(LocalDate.parse("2019-12-01"));
        assertThat(periods.get(0).lateUntil()).isEqualTo(LocalDate.parse("2019-12-08"));
        // the next week opens the day after the late days end: every return counts for one period
        assertThat(periods.get(1).opens()).isEqualTo(LocalDate.parse("2019-12-09"));
        assertThat(periods).extracting(ReturnPeriod::number).containsExactly(1, 2, 3, 4);
    }

    @Test
    void monthlyBeforeTheFirstIsDueOnTheMonthsLastDayAndBeforeTheFifthOnTheFourthOfTheNext() {
        List<ReturnPeriod> beforeFirst =
                ReturnCalendar.periods(rule(new Cadence.MonthlyBefore(1), "2020-01-01", "2020-03-31"));
        assertThat(beforeFirst).extracting(ReturnPeriod::label).containsExactly("2020-01", "2020-02", "2020-03");
        assertThat(beforeFirst.get(1).due()).isEqualTo(LocalDate.parse("2020-02-29"));
        assertThat(beforeFirst.get(1).opens()).isEqualTo(LocalDate.parse("2020-02-08"));

        List<ReturnPeriod> beforeFifth =
                ReturnCalendar.periods(rule(new Cadence.MonthlyBefore(5), "2023-11-17", "2023-12-31"));
        assertThat(beforeFifth)
                .extracting(ReturnPeriod::due)
                .containsExactly(LocalDate.parse("2023-12-04"), LocalDate.parse("2024-01-04"));
        assertThat(beforeFifth.get(0).opens()).isEqualTo(LocalDate.parse("2023-11-17"));
        assertThat(beforeFifth.get(0).lateUntil()).isEqualTo(LocalDate.parse("2023-12-11"));
    }

    @Test
    void aOnceReturnHasOnePeriodDueOnItsDayLateForThirtyDays() {
        List<ReturnPeriod> periods = ReturnCalendar.periods(
                rule(new Cadence.Once(LocalDate.parse("2021-03-31")), "2021-03-23", "2021-12-31"));

        assertThat(periods)
                .containsExactly(new ReturnPeriod(
                        1,
                        "2021-03-31",
                        LocalDate.parse("2021-03-23"),
                        LocalDate.parse("2021-03-31"),
                        LocalDate.parse("2021-04-30")));
    }

    @Test
    void termReturnsAreDueAtEachTermsEndInsideTheRulesDates() {
        List<ReturnPeriod> periods = ReturnCalendar.periods(rule(new Cadence.PerTerm(), "2024-01-01", "2024-12-31"));

        assertThat(periods).extracting(ReturnPeriod::label).containsExactly("2023秋", "2024春", "2024秋");
        assertThat(periods)
                .extracting(ReturnPeriod::due)
                .containsExactly(
                        LocalDate.parse("2024-01-15"), LocalDate.parse("2024-07-15"), LocalDate.parse("2024-12-31"));
    }
}
