package cn.xiaoan.analytics.report;

import cn.xiaoan.analytics.figure.Dimension;
import cn.xiaoan.analytics.figure.FigureRow;
import cn.xiaoan.analytics.figure.FigureTable;
import cn.xiaoan.analytics.figure.Member;
import cn.xiaoan.analytics.figure.ModelVersion;
import cn.xiaoan.analytics.figure.Period;
import cn.xiaoan.analytics.service.GoalReport;
import cn.xiaoan.analytics.service.HazardPage;
import cn.xiaoan.analytics.service.Trend;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a report shows, every number a FigureService (or goal, warning, list) answer for the report's scope:
 * writers only lay it out.
 *
 * @param area the city's or the district's name, e.g. 忻州市 or 忻府区
 * @param byYear the campaign's years (campaign reports only)
 * @param overdue the hazards overdue at the as-of date, most days overdue first (at most
 *     {@link ReportDataService#LISTED_OVERDUE}), with their total
 * @param majorOpen every MAJOR hazard still open at the as-of date (up to {@link ReportDataService#LISTED_MAJOR})
 * @param responsibilities the 整改责任清单 annex: hazards open at the as-of date by district
 * @param campaign the report's campaign, the campaigns running in its period, and a campaign report's stock-flow
 *     statement and outlook
 */
public record ReportData(
        ReportRequest request,
        String area,
        Period period,
        LocalDate asOf,
        FigureRow total,
        List<Comparison> comparisons,
        FigureTable byCategory,
        FigureTable byDistrict,
        FigureTable bySchoolType,
        FigureTable byDistrictAndCategory,
        Optional<FigureTable> byYear,
        Trend trend,
        GoalReport goals,
        HazardPage overdue,
        HazardPage majorOpen,
        Map<Dimension, List<Member>> members,
        ModelVersion modelVersion,
        LocalDate generatedOn,
        // issue 20: the ledger trust section (annual reports; the campaign report can take it from trustSection)
        Optional<TrustSection> trust,
        ResponsibilityAnnex responsibilities,
        CampaignPart campaign) {
    public ReportData {
        comparisons = List.copyOf(comparisons);
        members = Map.copyOf(members);
    }

    /** The Chinese name of a member of a dimension, or the code when the model does not know it. */
    public String name(Dimension dimension, String code) {
        return members.getOrDefault(dimension, List.of()).stream()
                .filter(member -> member.code().equals(code))
                .map(Member::nameZh)
                .findFirst()
                .orElse(code);
    }

    public String title() {
        return area
                + switch (request.kind()) {
                    case ANNUAL ->
                        period.from().getYear() + "年度" + request.kind().titleZh();
                    // titled by the campaign's own name, after the area it covers
                    case CAMPAIGN -> campaign.campaign().name().zh() + "评估报告";
                    case MONTHLY ->
                        period.from().getYear() + "年" + period.from().getMonthValue() + "月"
                                + request.kind().titleZh();
                };
    }
}
