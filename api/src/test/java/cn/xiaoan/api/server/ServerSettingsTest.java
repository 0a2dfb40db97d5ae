package cn.xiaoan.api.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ServerSettingsTest {
    @Test
    void acceptsPortZeroForAnyFreePort() {
        assertThat(new ServerSettings("127.0.0.1", 0).port()).isZero();
    }

    @Test
    void rejectsAPortOutOfRangeAndABlankHost() {
        assertThatThrownBy(() -> new ServerSettings("127.0.0.1", 70000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot start server: port 70000 is not between 0 and 65535 (0 picks a free port)");
        assertThatThrownBy(() -> new ServerSettings(" ", 7070))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot start server: the bind address is blank; use e.g. 127.0.0.1");
    }
}
