package cn.xiaoan.analytics.report;

import cn.xiaoan.analytics.figure.Figure;
import cn.xiaoan.analytics.figure.FigureChange;
import cn.xiaoan.analytics.figure.FigureRow;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/**
 * The report's sentences, written from figure values and their changes (never computing a figure): each reads
 * naturally when a value is zero, undefined (a rate with nothing to divide), rising, falling or unchanged.
 */
public final class Narrative {
    private Narrative() {}

    /** 全年共排查隐患 X 项，其中重大事故隐患 Y 项；已整改 Z 项，整改率 R%，较上年同期提高 P 个百分点。 */
    public static String overview(String span, FigureRow total, Optional<Comparison> against) {
        long found = count(total.value(Figure.FOUND));
        if (found == 0) {
            return span + "未排查发现隐患"
                    + against.map(c ->
                                    "（" + c.labelZh() + "发现 " + count(c.total().value(Figure.FOUND)) + " 项）")
                            .orElse("")
                    + "。";
        }
        long major = count(total.value(Figure.MAJOR_FOUND));
        var sentence = new StringBuilder(span + "共排查隐患 " + found + " 项");
        against.ifPresent(c -> sentence.append("，").append(countChange(c.labelZh(), c.change(Figure.FOUND))));
        sentence.append(major == 0 ? "，未发现重大事故隐患" : "，其中重大事故隐患 " + major + " 项");
        sentence.append("；已整改 ")
                .append(count(total.value(Figure.RECTIFIED)))
                .append(" 项，整改率 ")
                .append(percent(total.value(Figure.RECTIFICATION_RATE)));
        against.ifPresent(
                c -> sentence.append("，").append(rateChange(c.labelZh(), c.change(Figure.RECTIFICATION_RATE))));
        return sentence.append("。").toString();
    }

    /** 截至 D，尚有未整改隐患 O 项，其中超期 V 项、重大隐患 M 项（2024年前存量重大隐患 L 项）。 */
    public static String stock(LocalDate asOf, FigureRow total) {
        long open = count(total.value(Figure.OPEN));
        String date = date(asOf);
        if (open == 0) {
            return "截至" + date + "，排查发现的隐患已全部整改，无超期未整改隐患。";
        }
        long overdue = count(total.value(Figure.OVERDUE));
        long major = count(total.value(Figure.MAJOR_OPEN));
        long legacy = count(total.value(Figure.LEGACY_MAJOR_OPEN));
        var sentence = new StringBuilder("截至" + date + "，尚有未整改隐患 " + open + " 项");
        sentence.append(overdue == 0 ? "，均在整改期限内" : "，其中超过整改期限 " + overdue + " 项");
        if (major == 0) {
            // rectified is not signed off (销号): that is the closed figure, told by signOff
            sentence.append("；重大事故隐患已全部整改");
        } else {
            sentence.append("；重大事故隐患尚有 ").append(major).append(" 项未整改");
            sentence.append(legacy == 0 ? "，2024年前的存量重大隐患已清零" : "，其中2024年前的存量重大隐患 " + legacy + " 项");
        }
        return sentence.append("。").toString();
    }

    /**
     * 已销号 C 项，销号率 R%，平均销号用时 X 天；截至 D，已整改尚未销号 N 项。Only {@link Figure#CLOSED} is called 销号:
     * a rectified hazard is 已整改 until its sign-off date.
     */
    public static String signOff(LocalDate asOf, FigureRow total) {
        long rectified = count(total.value(Figure.RECTIFIED));
        long closed = count(total.value(Figure.CLOSED));
        long waiting = count(total.value(Figure.RECTIFIED_NOT_CLOSED));
        var sentence = new StringBuilder();
        if (rectified == 0) {
            sentence.append("本期发现的隐患尚无整改完成，销号率无法计算");
        } else if (closed == 0) {
            sentence.append("本期发现并已整改的 ").append(rectified).append(" 项隐患均未验收销号");
        } else {
            sentence.append("本期发现的隐患已验收销号 ")
                    .append(closed)
                    .append(" 项，占已整改的 ")
                    .append(percent(total.value(Figure.CLOSURE_RATE)));
            Double days = total.value(Figure.DAYS_TO_CLOSE);
            if (days != null) {
                sentence.append("，整改后平均 ").append(decimal(days)).append(" 天销号");
            }
        }
        sentence.append("；截至")
                .append(date(asOf))
                .append(waiting == 0 ? "，无已整改未销号的隐患" : "，已整改尚未销号的隐患 " + waiting + " 项");
        return sentence.append("。").toString();
    }

    /** 按期整改率 T%，平均整改用时 X 天；自查发现占比 S%。 */
    public static String quality(FigureRow total) {
        Double onTime = total.value(Figure.ON_TIME_RATE);
        Double days = total.value(Figure.DAYS_TO_RECTIFY);
        Double self = total.value(Figure.SELF_FOUND_SHARE);
        var sentence = new StringBuilder();
        sentence.append(onTime == null ? "本期尚无到期的整改任务，按期整改率无法计算" : "到期隐患按期整改率 " + percent(onTime));
        sentence.append(days == null ? "，尚无已整改隐患可计算整改用时" : "，平均整改用时 " + decimal(days) + " 天");
        if (self != null) {
            sentence.append("；学校自查发现的隐患占 ").append(percent(self));
        }
        return sentence.append("。").toString();
    }

    /** 较上年同期增加 N 项 / 减少 N 项 / 持平 / 无可比数据. */
    public static String countChange(String against, FigureChange change) {
        if (change.change() == null) {
            return against + "无可比数据";
        }
        long difference = Math.round(change.change());
        if (difference == 0) {
            return "与" + against + "持平";
        }
        return "较" + against + (difference > 0 ? "增加 " : "减少 ") + Math.abs(difference) + " 项";
    }

    /** 较上年同期提高 P 个百分点 / 下降 P 个百分点 / 持平 / 无可比数据 (rates are fractions). */
    public static String rateChange(String against, FigureChange change) {
        if (change.change() == null) {
            return against + "无可比数据";
        }
        String points = decimal(Math.abs(change.change()) * 100);
        if (points.equals("0.0")) {
            return "与" + against + "持平";
        }
        return "较" + against + (change.change() > 0 ? "提高 " : "下降 ") + points + " 个百分点";
    }

    /** A rate as a percentage with one decimal, or 无法计算 when undefined. */
    public static String percent(Double rate) {
        return rate == null ? "无法计算" : decimal(rate * 100) + "%";
    }

    static String decimal(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    static long count(Double value) {
        return value == null ? 0 : Math.round(value);
    }

    static String date(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }
}
