package cn.xiaoan.api.cli;

import java.io.PrintWriter;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar on an interactive terminal, and nothing otherwise (logs and pipes get the plain summary only). */
final class TerminalProgress implements AutoCloseable {
    private final ProgressBar bar;

    private TerminalProgress(ProgressBar bar) {
        this.bar = bar;
    }

    static TerminalProgress start(String task, long total, PrintWriter unused) {
        if (System.console() == null) {
            return new TerminalProgress(null);
        }
        return new TerminalProgress(new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(250)
                .build());
    }

    void stepTo(String step, long done, long total) {
        if (bar != null) {
            bar.maxHint(total);
            bar.setExtraMessage(step);
            bar.stepTo(done);
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
