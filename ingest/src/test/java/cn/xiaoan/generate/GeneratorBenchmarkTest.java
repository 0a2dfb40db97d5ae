package cn.xiaoan.generate;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xiaoan.domain.ReferenceData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratorBenchmarkTest {
    @TempDir
    Path work;

    @Test
    void timesTheGeneratorAndDuckDbOnTheSameRowCountAndCleansUp() throws IOException {
        GeneratorBenchmarkResult result = new GeneratorBenchmark(ReferenceData.load()).run(work, 5_000);
        assertThat(result.hazards()).isEqualTo(5_000);
        assertThat(result.generatorRows()).isGreaterThan(5_000).isEqualTo(result.duckdbRows());
        assertThat(result.generatorRowsPerSecond()).isPositive();
        assertThat(result.duckdbRowsPerSecond()).isPositive();
        assertThat(result.ratio()).isPositive();
        assertThat(result.describe()).contains("hazards/s", "rows/s", "ratio");
        try (var left = Files.list(work)) {
            assertThat(left).isEmpty();
        }
    }
}
