package cn.xiaoan.api.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.xiaoan.analytics.serving.ServingLimits;
import cn.xiaoan.api.auth.SessionPolicy;
import cn.xiaoan.api.server.ServerSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ListenOptionsTest {
    @Test
    void servesWithTheDefaultLimitsWhenNoneAreGiven() {
        ServerSettings settings =
                CommandLine.populateCommand(new ListenOptions()).settings();
        assertThat(settings.serving()).isEqualTo(ServingLimits.defaults());
        assertThat(settings.sessions()).isEqualTo(SessionPolicy.defaults());
        assertThat(settings.host()).isEqualTo("127.0.0.1");
    }

    @Test
    void takesTheCellBudgetTimeoutMemoryPublishWaitAndSessionIdleFromTheCommandLine() {
        ServerSettings settings = CommandLine.populateCommand(
                        new ListenOptions(),
                        "--cell-budget",
                        "5000",
                        "--query-timeout",
                        "3",
                        "--serving-memory",
                        "512MB",
                        "--publish-wait",
                        "0",
                        "--session-idle",
                        "30")
                .settings();
        assertThat(settings.serving().cellBudget()).isEqualTo(5000);
        assertThat(settings.serving().queryTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(settings.serving().memoryLimit()).isEqualTo("512MB");
        assertThat(settings.serving().publishWait()).isZero();
        assertThat(settings.sessions().idle()).isEqualTo(Duration.ofMinutes(30));
        assertThat(settings.sessions().absolute()).isEqualTo(Duration.ofHours(12));
    }

    @Test
    void refusesAMemoryLimitDuckDbCouldNotRead() {
        var options = CommandLine.populateCommand(new ListenOptions(), "--serving-memory", "lots");
        assertThatThrownBy(options::settings).hasMessageContaining("write a size such as 512MB or 2GB");
    }
}
