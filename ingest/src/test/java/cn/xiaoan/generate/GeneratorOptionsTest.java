package cn.xiaoan.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GeneratorOptionsTest {
    private final Path out = Path.of("out");

    @Test
    void rejectsNonPositiveSchoolsNegativeHazardsAndNoFormat() {
        assertThatThrownBy(() -> new GeneratorOptions(out, 0, 10, 1, Set.of(OutputFormat.CSV)))
                .hasMessage("Cannot generate: schools must be between 1 and 1000000, got 0");
        assertThatThrownBy(() -> new GeneratorOptions(out, 10, -1, 1, Set.of(OutputFormat.CSV)))
                .hasMessage("Cannot generate: hazards must be between 0 and 2000000000, got -1");
        assertThatThrownBy(() -> new GeneratorOptions(out, 10, 10, 1, Set.of()))
                .hasMessage("Cannot generate: no output format chosen (expected CSV, XLSX or JSON)");
        assertThatThrownBy(() -> new GeneratorOptions(null, 10, 10, 1, Set.of(OutputFormat.CSV)))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("out");
    }

    @Test
    void copiesTheFormatsSoLaterChangesDoNotLeakIn() {
        var formats = new HashSet<>(EnumSet.of(OutputFormat.CSV));
        var options = new GeneratorOptions(out, 10, 10, 1, formats);
        formats.add(OutputFormat.JSON);
        assertThat(options.formats()).containsExactly(OutputFormat.CSV);
        assertThatThrownBy(() -> options.formats().add(OutputFormat.XLSX))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
