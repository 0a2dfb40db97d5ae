package cn.xiaoan.api.server;

import cn.xiaoan.analytics.figure.Dimension;
import cn.xiaoan.analytics.figure.Figure;
import cn.xiaoan.analytics.figure.FigureTable;
import cn.xiaoan.analytics.figure.ModelVersion;
import cn.xiaoan.analytics.figure.Period;
import cn.xiaoan.analytics.figure.Question;
import cn.xiaoan.analytics.figure.TimeGrain;
import cn.xiaoan.analytics.publish.ModelNotBuiltException;
import cn.xiaoan.analytics.service.FigureService;
import cn.xiaoan.analytics.service.HeatmapRequest;
import cn.xiaoan.analytics.service.TrendRequest;
import cn.xiaoan.analytics.service.TrendService;
import cn.xiaoan.analytics.serving.ModelSnapshot;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Computes the overview's default questions whenever a new model version is published (checked every few seconds by a
 * stat of the model pointer), so the first leader to open the dashboard in the morning gets cached answers instead of
 * waiting for them. Only a cache: answers are the same with or without it.
 */
final class OverviewWarmup implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OverviewWarmup.class);

    private final FigureService figures;
    private final TrendService trends;
    private final ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(runnable -> {
        var thread = new Thread(runnable, "xiaoan-overview-warmup");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        return thread;
    });
    private volatile Optional<Long> warmed = Optional.empty();
    private volatile boolean closing;

    OverviewWarmup(FigureService figures, TrendService trends) {
        this.figures = figures;
        this.trends = trends;
    }

    void start(Duration every) {
        schedule.scheduleWithFixedDelay(this::warmIfNew, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void warmIfNew() {
        try {
            Optional<Long> version = figures.modelVersion().map(ModelVersion::version);
            if (version.isEmpty() || version.equals(warmed)) {
                return;
            }
            long started = System.nanoTime();
            ModelSnapshot snapshot = figures.snapshot();
            // the version recorded is the one warmed, even when a build is published meanwhile
            version = Optional.of(snapshot.version().version());
            warm(snapshot);
            warmed = version;
            LOG.info(
                    "Overview answers of model version {} computed in {} ms",
                    version.get(),
                    (System.nanoTime() - started) / 1_000_000);
        } catch (ModelNotBuiltException e) {
            // nothing to warm yet
        } catch (RuntimeException e) {
            if (closing) {
                return; // the server stopped while computing: its connections are gone, nothing to report
            }
            LOG.warn("Cannot compute the overview's answers ahead: {}", e.getMessage());
        }
    }

    /** The questions index.html asks with no filter (see dashboards/js/overview.js and FiguresController.compare). */
    private void warm(ModelSnapshot snapshot) {
        Question total = Question.total();
        FigureTable now = figures.figures(snapshot, total, OverviewFigures.CARDS);
        figures.figures(
                snapshot,
                total.at(
                        new Period(
                                now.period().from().minusYears(1),
                                now.period().to().minusYears(1)),
                        now.asOf().minusYears(1)),
                OverviewFigures.CARDS);
        figures.heatmap(
                snapshot,
                new HeatmapRequest(
                        Dimension.DISTRICT,
                        Dimension.CATEGORY,
                        Figure.RISK_INDEX,
                        Optional.empty(),
                        Optional.empty(),
                        Map.of()));
        trends.trend(
                snapshot, new TrendRequest(TimeGrain.MONTH, Optional.empty(), Optional.empty(), List.of(), Map.of()));
        figures.figures(snapshot, total.by(List.of(Dimension.DISTRICT)), OverviewFigures.RATE_CHARTS);
        figures.figures(snapshot, total.by(List.of(Dimension.SCHOOL_TYPE)), OverviewFigures.RATE_CHARTS);
    }

    /** The model version whose overview answers are computed, if any. */
    Optional<Long> warmedVersion() {
        return warmed;
    }

    @Override
    public void close() {
        closing = true;
        schedule.shutdownNow();
    }
}
