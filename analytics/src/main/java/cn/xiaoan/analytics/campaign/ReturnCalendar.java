package cn.xiaoan.analytics.campaign;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * The periods a return rule asks for (docs/CAMPAIGNS.md, "Returns"): weekly, the days up to each weekday in its dates;
 * monthly, each calendar month, due the day before {@code before_day} of the next month (the month's last day for
 * "before the 1st"); per term, each school term (spring 03-01 – 07-15, autumn 09-01 – 01-15) due on its last day;
 * once, the rule's dates, due on its day. A return may come late for {@link #WEEKLY_GRACE_DAYS} days after a weekly due
 * day, {@link #MONTHLY_GRACE_DAYS} after a monthly or term one, and {@link #ONCE_GRACE_DAYS} after a once-only one.
 */
public final class ReturnCalendar {
    static final int WEEKLY_GRACE_DAYS = 3;
    static final int MONTHLY_GRACE_DAYS = 7;
    static final int ONCE_GRACE_DAYS = 30;
    private static final MonthDay SPRING_START = MonthDay.of(3, 1);
    private static final MonthDay SPRING_END = MonthDay.of(7, 15);
    private static final MonthDay AUTUMN_START = MonthDay.of(9, 1);
    private static final MonthDay AUTUMN_END = MonthDay.of(1, 15);

    private ReturnCalendar() {}

    /** The rule's periods in date order, numbered from 1. */
    public static List<ReturnPeriod> periods(ReturnRule rule) {
        DateRange dates = rule.dates();
        var dues = new ArrayList<Due>();
        Cadence cadence = rule.cadence();
        if (cadence instanceof Cadence.Weekly weekly) {
            LocalDate due = dates.from().with(TemporalAdjusters.nextOrSame(weekly.weekday()));
            for (; !due.isAfter(dates.to()); due = due.plusWeeks(1)) {
                dues.add(new Due(due.toString(), due, due.plusDays(WEEKLY_GRACE_DAYS)));
            }
        } else if (cadence instanceof Cadence.MonthlyBefore monthly) {
            for (YearMonth month = YearMonth.from(dates.from());
                    !month.atDay(1).isAfter(dates.to());
                    month = month.plusMonths(1)) {
                LocalDate due = monthly.day() == 1
                        ? month.atEndOfMonth()
                        : month.plusMonths(1).atDay(monthly.day() - 1);
                dues.add(new Due(month.toString(), due, due.plusDays(MONTHLY_GRACE_DAYS)));
            }
        } else if (cadence instanceof Cadence.PerTerm) {
            for (int year = dates.from().getYear() - 1; year <= dates.to().getYear(); year++) {
                term(dues, dates, year + "春", SPRING_START.atYear(year), SPRING_END.atYear(year));
                term(dues, dates, year + "秋", AUTUMN_START.atYear(year), AUTUMN_END.atYear(year + 1));
            }
        } else if (cadence instanceof Cadence.Once once) {
            dues.add(new Due(once.due().toString(), once.due(), once.due().plusDays(ONCE_GRACE_DAYS)));
        }
        var periods = new ArrayList<ReturnPeriod>(dues.size());
        LocalDate opens = dates.from();
        for (Due due : dues) {
            LocalDate from = opens.isAfter(due.due) ? due.due : opens;
            periods.add(new ReturnPeriod(periods.size() + 1, due.label, from, due.due, due.lateUntil));
            opens = due.lateUntil.plusDays(1);
        }
        return List.copyOf(periods);
    }

    private static void term(List<Due> dues, DateRange dates, String label, LocalDate start, LocalDate end) {
        if (end.isBefore(dates.from()) || start.isAfter(dates.to())) {
            return;
        }
        LocalDate due = end.isAfter(dates.to()) ? dates.to() : end;
        dues.add(new Due(label, due, due.plusDays(MONTHLY_GRACE_DAYS)));
    }

    private record Due(String label, LocalDate due, LocalDate lateUntil) {}
}
