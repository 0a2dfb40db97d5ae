package cn.xiaoan.api.server;

import cn.xiaoan.api.HeadlessChromium;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * What the browser tests of the pages share: the reference-grid fixture server and one headless Chromium, started
 * once per test class (before the class's own {@code @BeforeAll}) and stopped after it.
 */
abstract class ChromiumOverGrid {
    @TempDir
    static Path root;

    static FixtureServer server;
    static HeadlessChromium chromium;
    static ChromeDriver browser;

    @BeforeAll
    static void startServerAndChromium() throws IOException {
        server = FixtureServer.withReferenceGrid(root.resolve("warehouse"));
        chromium = HeadlessChromium.start();
        browser = chromium.driver();
    }

    @AfterAll
    static void stopServerAndChromium() throws IOException {
        try {
            server.close();
        } finally {
            chromium.close();
        }
    }
}
