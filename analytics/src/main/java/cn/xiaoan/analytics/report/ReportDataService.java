package cn.xiaoan.analytics.report;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.analytics.campaign.CampaignCatalog;
import cn.xiaoan.analytics.campaign.CampaignDefinition;
import cn.xiaoan.analytics.figure.Dimension;
import cn.xiaoan.analytics.figure.DistrictScope;
import cn.xiaoan.analytics.figure.Figure;
import cn.xiaoan.analytics.figure.FigureChange;
import cn.xiaoan.analytics.figure.FigureRow;
import cn.xiaoan.analytics.figure.FigureTable;
import cn.xiaoan.analytics.figure.Period;
import cn.xiaoan.analytics.figure.Question;
import cn.xiaoan.analytics.figure.SortDirection;
import cn.xiaoan.analytics.figure.TimeGrain;
import cn.xiaoan.analytics.service.CampaignGoalService;
import cn.xiaoan.analytics.service.FigureComparison;
import cn.xiaoan.analytics.service.FigureService;
import cn.xiaoan.analytics.service.HazardListService;
import cn.xiaoan.analytics.service.HazardPage;
import cn.xiaoan.analytics.service.HazardQuery;
import cn.xiaoan.analytics.service.HazardSort;
import cn.xiaoan.analytics.service.HazardState;
import cn.xiaoan.analytics.service.LedgerTrustService;
import cn.xiaoan.analytics.service.OutlookService;
import cn.xiaoan.analytics.service.ResponsibilityListService;
import cn.xiaoan.analytics.service.ResponsibilityQuery;
import cn.xiaoan.analytics.service.ReturnsService;
import cn.xiaoan.analytics.service.StockFlowService;
import cn.xiaoan.analytics.service.SupervisionGroupService;
import cn.xiaoan.analytics.service.TrendRequest;
import cn.xiaoan.analytics.service.TrendService;
import cn.xiaoan.analytics.serving.ModelSnapshot;
import cn.xiaoan.domain.District;
import cn.xiaoan.domain.ReferenceData;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Gathers a report's numbers: every one is an answer of the figure, goal, warning or hazard-list services for the
 * report's scope (the city, or one district as a filter applied to every question), and every change between periods
 * comes from {@link FigureComparison}.
 */
public final class ReportDataService {
    /** The workbook lists this many overdue hazards at most (the document the first {@link #OVERDUE_IN_DOCUMENT}). */
    static final int LISTED_OVERDUE = 10_000;

    static final int OVERDUE_IN_DOCUMENT = 200;
    static final int LISTED_MAJOR = 5_000;
    /** The 整改责任清单 annex lists at most this many hazards; the export (responsibility list) has them all. */
    public static final int LISTED_RESPONSIBILITIES = 2_000;

    /** The figures a report compares between periods, in the order the summary shows them. */
    public static final List<Figure> KEY_FIGURES = List.of(
            Figure.FOUND,
            Figure.MAJOR_FOUND,
            Figure.RECTIFIED,
            Figure.RECTIFICATION_RATE,
            Figure.ON_TIME_RATE,
            Figure.OPEN,
            Figure.OVERDUE,
            Figure.MAJOR_OPEN,
            Figure.LEGACY_MAJOR_OPEN,
            Figure.DAYS_TO_RECTIFY,
            Figure.SELF_FOUND_SHARE,
            Figure.SUPERVISION_COVERAGE,
            Figure.DRILL_COMPLIANCE,
            Figure.CLOSED,
            Figure.CLOSURE_RATE,
            Figure.RECTIFIED_NOT_CLOSED,
            Figure.DAYS_TO_CLOSE);

    private final FigureService figures;
    private final ReferenceData reference;
    private final Clock clock;
    private final FigureComparison comparison;
    private final TrendService trends;
    private final CampaignGoalService goals;
    private final HazardListService hazards;
    private final LedgerTrustService trust;
    private final ResponsibilityListService responsibilities;
    private final StockFlowService stockFlow;
    private final OutlookService outlook;
    private final SupervisionGroupService supervisionGroups;
    private final ReturnsService returns;

    public ReportDataService(FigureService figures, ReferenceData reference, Clock clock) {
        this(figures, reference, clock, CampaignCatalog.load(reference));
    }

    /** Campaign reports cover the campaign they name, by default the primary campaign of {@code campaigns}. */
    public ReportDataService(FigureService figures, ReferenceData reference, Clock clock, CampaignCatalog campaigns) {
        this.figures = requireNonNull(figures, "figures");
        this.reference = requireNonNull(reference, "reference");
        this.clock = requireNonNull(clock, "clock");
        this.comparison = new FigureComparison(figures);
        this.trends = new TrendService(figures);
        this.goals = new CampaignGoalService(figures, campaigns);
        this.hazards = new HazardListService(figures);
        this.trust = new LedgerTrustService(figures);
        this.responsibilities = new ResponsibilityListService(figures);
        this.stockFlow = new StockFlowService(figures);
        this.outlook = new OutlookService(figures);
        this.supervisionGroups = new SupervisionGroupService(figures);
        this.returns = new ReturnsService(figures);
    }

    /** The 台账可信度 section of a report over the snapshot and districts (docs/FIGURES.md "Ledger trust"). */
    public TrustSection trustSection(ModelSnapshot snapshot, DistrictScope districts) {
        return TrustSection.of(trust.audit(snapshot, districts));
    }

    public ReportData gather(ReportRequest request) {
        return gather(figures.snapshot(), request);
    }

    /** The report's numbers from the given snapshot (a knowledge time's model, or a kept version). */
    public ReportData gather(ModelSnapshot snapshot, ReportRequest request) {
        CampaignCatalog catalog = goals.campaigns();
        CampaignDefinition campaign = request.campaign()
                .map(id -> catalog.byId(id)
                        .orElseThrow(() -> new IllegalArgumentException("没有专项行动 " + id + " / No campaign " + id
                                + "; known: "
                                + catalog.all().stream()
                                        .map(CampaignDefinition::id)
                                        .collect(Collectors.joining(", ")))))
                .orElseGet(catalog::primary);
        boolean primary = campaign.id().equals(catalog.primary().id());
        Optional<District> district = request.district().map(code -> reference
                .districts()
                .byCode(code.strip())
                .orElseThrow(() -> new IllegalArgumentException("Cannot write a report for district " + code
                        + ": not a district of the reference data (6-digit code, e.g. 140902)")));
        // One model version for the whole report (the snapshot), whatever is published while it is gathered.
        // a campaign report covers its campaign's area; the other reports (and a district's report) their district
        Optional<Set<String>> campaignArea = request.kind() == ReportKind.CAMPAIGN && district.isEmpty()
                ? areaOf(campaign, snapshot)
                : Optional.empty();
        Map<Dimension, Set<String>> scope = district.map(d -> Map.of(Dimension.DISTRICT, Set.of(d.code())))
                .or(() -> campaignArea.map(codes -> Map.of(Dimension.DISTRICT, codes)))
                .orElse(Map.of());
        String area = district.map(District::nameZh)
                .or(() -> campaignArea.map(this::areaName))
                .orElseGet(() -> reference.districts().all().get(0).cityZh());

        // The latest report date in the model bounds every period: a report never speaks of days with no data yet.
        LocalDate latest = snapshot.defaultAsOf();
        Period span = span(request, campaign);
        LocalDate asOf = span.to().isAfter(latest) ? latest : span.to();
        if (asOf.isBefore(span.from())) {
            throw new IllegalArgumentException(
                    "Cannot write a report for " + span.from() + " – " + span.to() + ": the data reach only " + latest);
        }
        Period period = new Period(span.from(), asOf);

        FigureTable totals = table(snapshot, period, asOf, List.of(), scope);
        FigureRow total = totals.total();
        var comparisons = new ArrayList<Comparison>();
        switch (request.kind()) {
            case ANNUAL ->
                comparisons.add(compare(
                        snapshot,
                        "上年同期",
                        "Same span last year",
                        period.from().minusYears(1),
                        asOf.minusYears(1),
                        scope,
                        total));
            case MONTHLY -> {
                YearMonth previous = YearMonth.from(period.from()).minusMonths(1);
                comparisons.add(compare(
                        snapshot, "上月", "Previous month", previous.atDay(1), previous.atEndOfMonth(), scope, total));
                comparisons.add(compare(
                        snapshot,
                        "上年同月",
                        "Same month last year",
                        period.from().minusYears(1),
                        asOf.minusYears(1),
                        scope,
                        total));
            }
            case CAMPAIGN -> {
                // the campaign is judged by its goals and its years, not against an earlier span
            }
        }
        Optional<FigureTable> byYear = request.kind() == ReportKind.CAMPAIGN
                ? Optional.of(table(snapshot, period, asOf, List.of(Dimension.YEAR), scope))
                : Optional.empty();
        DistrictScope districts =
                district.map(d -> DistrictScope.of(Set.of(d.code()))).orElse(DistrictScope.city());
        Set<String> districtCodes = district.map(d -> Set.of(d.code())).orElse(Set.of());
        boolean campaignReport = request.kind() == ReportKind.CAMPAIGN;
        var campaignPart = new CampaignPart(
                campaign,
                primary,
                catalog.all().stream()
                        .filter(c -> !c.period().from().isAfter(span.to())
                                && !c.period().to().isBefore(span.from()))
                        .toList(),
                campaignReport
                        ? Optional.of(stockFlow.statement(campaign, snapshot, Optional.of(asOf), districtCodes))
                        : Optional.empty(),
                campaignReport
                        ? Optional.of(outlook.outlook(campaign, snapshot, Optional.of(asOf), districtCodes))
                        : Optional.empty(),
                campaignReport
                        ? Optional.of(supervisionGroups.groups(campaign, snapshot, Optional.of(asOf), districtCodes))
                        : Optional.empty(),
                campaignReport
                        ? Optional.of(returns.returns(campaign, snapshot, Optional.of(asOf), districtCodes))
                        : Optional.empty());

        var members = new EnumMap<Dimension, List<cn.xiaoan.analytics.figure.Member>>(Dimension.class);
        for (Dimension dimension : Dimension.values()) {
            if (dimension.kind() != Dimension.Kind.TIME) {
                members.put(dimension, snapshot.members(dimension));
            }
        }
        HazardPage majorOpen = hazards.first(
                snapshot,
                HazardQuery.in(HazardState.MAJOR_OPEN).at(period, asOf).sorted(HazardSort.DISTRICT, SortDirection.ASC),
                districts,
                LISTED_MAJOR);
        return new ReportData(
                request,
                area,
                period,
                asOf,
                total,
                comparisons,
                table(snapshot, period, asOf, List.of(Dimension.CATEGORY), scope),
                table(snapshot, period, asOf, List.of(Dimension.DISTRICT), scope),
                table(snapshot, period, asOf, List.of(Dimension.SCHOOL_TYPE), scope),
                table(snapshot, period, asOf, List.of(Dimension.DISTRICT, Dimension.CATEGORY), scope),
                byYear,
                trends.trend(
                        snapshot,
                        new TrendRequest(TimeGrain.MONTH, Optional.of(period), Optional.of(asOf), List.of(), scope)),
                goals.goals(campaign, snapshot, Optional.of(asOf), districtCodes),
                hazards.first(
                        snapshot,
                        HazardQuery.in(HazardState.OVERDUE)
                                .at(period, asOf)
                                .sorted(HazardSort.DAYS_OVERDUE, SortDirection.DESC),
                        districts,
                        LISTED_OVERDUE),
                majorOpen,
                members,
                totals.modelVersion(),
                LocalDate.now(clock),
                request.kind() != ReportKind.MONTHLY
                        ? Optional.of(trustSection(snapshot, districts))
                        : Optional.empty(),
                responsibilityAnnex(snapshot, asOf, districts),
                campaignPart);
    }

    /**
     * The 整改责任清单 annex: the hazards open at {@code asOf} in the districts, grouped by district. Public so that any
     * report (the campaign report too) can include it from the same model snapshot as its figures.
     */
    public ResponsibilityAnnex responsibilityAnnex(ModelSnapshot snapshot, LocalDate asOf, DistrictScope districts) {
        var query = new ResponsibilityQuery(Optional.of(asOf), Set.of(), Set.of(), false);
        return ResponsibilityAnnex.of(responsibilities.list(snapshot, query, districts, LISTED_RESPONSIBILITIES));
    }

    /**
     * The campaign's districts the model holds, or nothing to narrow (a school-list area); refused when the model holds
     * none of them.
     */
    private Optional<Set<String>> areaOf(CampaignDefinition campaign, ModelSnapshot snapshot) {
        Set<String> codes = campaign.area().districtCodes();
        if (codes.isEmpty()) {
            return Optional.empty();
        }
        Set<String> known = snapshot.members(Dimension.DISTRICT).stream()
                .map(cn.xiaoan.analytics.figure.Member::code)
                .filter(codes::contains)
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        if (known.isEmpty()) {
            throw new IllegalArgumentException("仓库中没有专项行动 " + campaign.id() + " 所辖地区（" + String.join("、", codes)
                    + "）的数据：请先导入该地区的学校名册和台账并重新构建模型 / The warehouse holds no data of campaign "
                    + campaign.id() + "'s area (" + String.join(", ", codes)
                    + "): ingest that area's school register and ledgers, then rebuild the model (bin/xiaoan build)");
        }
        return Optional.of(known);
    }

    /** The districts' names, e.g. 平鲁区, or 忻府区、定襄县; the city's name when they are every district of a city of several. */
    private String areaName(Set<String> codes) {
        Map<String, List<District>> byCity =
                reference.districts().all().stream().collect(Collectors.groupingBy(District::cityCode));
        for (List<District> city : byCity.values()) {
            if (city.size() > 1
                    && city.stream()
                            .map(District::code)
                            .collect(Collectors.toSet())
                            .equals(codes)) {
                return city.get(0).cityZh();
            }
        }
        return codes.stream()
                .map(code ->
                        reference.districts().byCode(code).map(District::nameZh).orElse(code))
                .collect(Collectors.joining("、"));
    }

    private static Period span(ReportRequest request, CampaignDefinition campaign) {
        return switch (request.kind()) {
            case ANNUAL -> new Period(LocalDate.of(request.year(), 1, 1), LocalDate.of(request.year(), 12, 31));
            case CAMPAIGN ->
                new Period(campaign.period().from(), campaign.period().to());
            case MONTHLY -> {
                YearMonth month = request.month().orElseThrow();
                yield new Period(month.atDay(1), month.atEndOfMonth());
            }
        };
    }

    private Comparison compare(
            ModelSnapshot snapshot,
            String labelZh,
            String labelEn,
            LocalDate from,
            LocalDate asOf,
            Map<Dimension, Set<String>> scope,
            FigureRow current) {
        Period period = new Period(from, asOf);
        FigureRow previous = table(snapshot, period, asOf, List.of(), scope).total();
        List<FigureChange> changes = comparison.changes(KEY_FIGURES, current, previous);
        return new Comparison(labelZh, labelEn, period, asOf, previous, changes);
    }

    private FigureTable table(
            ModelSnapshot snapshot,
            Period period,
            LocalDate asOf,
            List<Dimension> by,
            Map<Dimension, Set<String>> scope) {
        return figures.figures(snapshot, new Question(Optional.of(period), Optional.of(asOf), by, scope));
    }
}
