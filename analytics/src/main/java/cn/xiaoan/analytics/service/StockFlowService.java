package cn.xiaoan.analytics.service;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.analytics.campaign.CampaignDefinition;
import cn.xiaoan.analytics.figure.Dimension;
import cn.xiaoan.analytics.figure.Figure;
import cn.xiaoan.analytics.figure.FigureRow;
import cn.xiaoan.analytics.figure.Period;
import cn.xiaoan.analytics.figure.Question;
import cn.xiaoan.analytics.serving.ModelSnapshot;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The stock-flow statement of a campaign (docs/FIGURES.md "Stock and flow"): the {@code stock_flow_*} figures of
 * {@code figures.sql}, asked of {@link FigureService} over the campaign's period up to D, in its area. Opening is
 * the stock the day before the campaign began, closing the stock at min(D, the campaign's end).
 */
public final class StockFlowService {
    private final FigureService figures;

    public StockFlowService(FigureService figures) {
        this.figures = requireNonNull(figures, "figures");
    }

    public StockFlowStatement statement(CampaignDefinition campaign, Optional<LocalDate> asOf, Set<String> districts) {
        return statement(campaign, figures.snapshot(), asOf, districts);
    }

    public StockFlowStatement statement(
            CampaignDefinition campaign, ModelSnapshot snapshot, Optional<LocalDate> asOf, Set<String> districts) {
        requireNonNull(campaign, "campaign");
        LocalDate d = snapshot.dates(Optional.empty(), asOf).asOf();
        Optional<Set<String>> inArea = CampaignGoalService.districtsInArea(campaign, districts)
                .map(codes -> CampaignGoalService.known(codes, snapshot));
        if (d.isBefore(campaign.period().from()) || inArea.map(Set::isEmpty).orElse(false)) {
            return new StockFlowStatement(campaign, d, snapshot.version(), Optional.empty(), List.of(), List.of());
        }
        LocalDate end =
                d.isBefore(campaign.period().to()) ? d : campaign.period().to();
        var period = new Period(campaign.period().from(), end);
        Map<Dimension, Set<String>> filters = inArea.<Map<Dimension, Set<String>>>map(
                        codes -> Map.of(Dimension.DISTRICT, codes))
                .orElse(Map.of());
        List<StockFlowRow> totals = rows(snapshot, period, List.of(Dimension.SEVERITY), filters);
        List<StockFlowRow> rows =
                rows(snapshot, period, List.of(Dimension.SEVERITY, Dimension.DISTRICT, Dimension.CATEGORY), filters)
                        .stream()
                        .filter(row -> row.opening() + row.found() + row.resolved() + row.closing() > 0)
                        .toList();
        return new StockFlowStatement(campaign, d, snapshot.version(), Optional.of(period), totals, rows);
    }

    private List<StockFlowRow> rows(
            ModelSnapshot snapshot, Period period, List<Dimension> by, Map<Dimension, Set<String>> filters) {
        var question = new Question(Optional.of(period), Optional.of(period.to()), by, filters);
        return figures
                .figures(
                        snapshot,
                        question,
                        Set.of(
                                Figure.STOCK_FLOW_OPENING,
                                Figure.STOCK_FLOW_NEW,
                                Figure.STOCK_FLOW_RESOLVED,
                                Figure.STOCK_FLOW_CLOSING))
                .rows()
                .stream()
                .map(row -> new StockFlowRow(
                        row.keys().get(0),
                        by.size() > 1 ? row.keys().get(1) : null,
                        by.size() > 2 ? row.keys().get(2) : null,
                        count(row, Figure.STOCK_FLOW_OPENING),
                        count(row, Figure.STOCK_FLOW_NEW),
                        count(row, Figure.STOCK_FLOW_RESOLVED),
                        count(row, Figure.STOCK_FLOW_CLOSING)))
                // MAJOR first; the figures' own order (districts, categories) within each severity
                .sorted(Comparator.comparing(row -> "MAJOR".equals(row.severity()) ? 0 : 1))
                .toList();
    }

    private static long count(FigureRow row, Figure figure) {
        Double value = row.value(figure);
        return value == null ? 0 : value.longValue();
    }
}
