package cn.xiaoan.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComponentsTest {
    @Test
    void defaultWarehouseIsDataWarehouseUnderTheHome() {
        var components = Components.fromEnvironment(Map.of("XIAOAN_HOME", "/opt/xiaoan"));
        assertThat(components.warehouse(null).root()).isEqualTo(Path.of("/opt/xiaoan/data/warehouse"));
    }

    @Test
    void environmentAndOptionOverrideTheDefaultWarehouse() {
        var components =
                Components.fromEnvironment(Map.of("XIAOAN_HOME", "/opt/xiaoan", "XIAOAN_WAREHOUSE", "/srv/w1"));
        assertThat(components.warehouse(null).root()).isEqualTo(Path.of("/srv/w1"));
        assertThat(components.warehouse(Path.of("/srv/w2")).root()).isEqualTo(Path.of("/srv/w2"));
    }
}
