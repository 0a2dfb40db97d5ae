package cn.xiaoan.api.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Model.CommandSpec;

/**
 * A progress bar on an interactive terminal, and nothing otherwise (logs and pipes get the plain summary only, and
 * {@code --quiet} not even that): see {@link CliOutput#drawsProgress}.
 */
final class TerminalProgress implements AutoCloseable {
    private final ProgressBar bar;

    private TerminalProgress(ProgressBar bar) {
        this.bar = bar;
    }

    /** A bar counting to {@code total} (0 when unknown yet: {@link #stepTo} raises it). */
    static TerminalProgress start(String task, long total, CommandSpec spec) {
        return start(task, total, CliOutput.drawsProgress(spec));
    }

    /** A bar counting to {@code total}, drawn only when {@code draw}. */
    static TerminalProgress start(String task, long total, boolean draw) {
        if (!draw) {
            return new TerminalProgress(null);
        }
        return new TerminalProgress(new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(250)
                .build());
    }

    /**
     * A bar for work that reports no steps (a model build, a report, an export): the task, its elapsed time and the
     * step named by {@link #step}, so the terminal shows it is alive.
     */
    static TerminalProgress working(String task, CommandSpec spec) {
        if (!CliOutput.drawsProgress(spec)) {
            return new TerminalProgress(null);
        }
        return new TerminalProgress(new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(-1)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(250)
                .hideEta()
                .build());
    }

    void stepTo(String step, long done, long total) {
        if (bar != null) {
            bar.maxHint(total);
            bar.setExtraMessage(step);
            bar.stepTo(done);
        }
    }

    /** Names what the work is doing now. */
    void step(String step) {
        if (bar != null) {
            bar.setExtraMessage(step);
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
