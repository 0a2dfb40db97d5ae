package cn.xiaoan.analytics.figure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The installation's primary campaign as far as the figures need it: its baseline. The campaign is data
 * ({@code data/campaigns}, the one named {@code primary:} in campaigns.list); the campaign package reads and validates
 * every campaign file at start, this class only picks the baseline out of the primary one, because the figure layer
 * (and the Spark job) must not depend on the campaign package.
 */
public final class Campaign {
    private static final String RESOURCES = "/campaigns/";
    private static final Pattern PRIMARY = Pattern.compile("(?m)^primary:[ \\t]*(\\S+)[ \\t]*$");
    private static final Pattern FILE = Pattern.compile("(?m)^([^#\\s:][^:\\n]*\\.yaml)[ \\t]*$");
    private static final Pattern BASELINE_LINE = Pattern.compile("(?m)^baseline:[ \\t]*(\\d{4}-\\d{2}-\\d{2})[ \\t]*$");

    /**
     * Hazards found before this day are the legacy (存量) stock. The one definition: SQL receives it as
     * {@code campaign_baseline()} (sql/dialect/functions.sql), the dashboards through {@code GET /api/v1/meta}. Read
     * once from a resource of the jar, so it is as constant as a literal would be.
     */
    public static final LocalDate BASELINE = primaryBaseline();

    private Campaign() {}

    private static LocalDate primaryBaseline() {
        String list = resource("campaigns.list");
        Matcher primary = PRIMARY.matcher(list);
        if (!primary.find()) {
            throw new IllegalStateException(
                    "Cannot find the primary campaign: " + RESOURCES + "campaigns.list has no line \"primary: ID\"");
        }
        Pattern id = Pattern.compile("(?m)^id:[ \\t]*" + Pattern.quote(primary.group(1)) + "[ \\t]*$");
        Matcher file = FILE.matcher(list);
        while (file.find()) {
            String text = resource(file.group(1));
            if (id.matcher(text).find()) {
                Matcher baseline = BASELINE_LINE.matcher(text);
                if (!baseline.find()) {
                    throw new IllegalStateException("Cannot find the baseline of campaign " + primary.group(1) + " in "
                            + file.group(1) + " (a top-level line \"baseline: YYYY-MM-DD\")");
                }
                return LocalDate.parse(baseline.group(1));
            }
        }
        throw new IllegalStateException("Cannot find the primary campaign " + primary.group(1) + " in the files of "
                + RESOURCES + "campaigns.list");
    }

    private static String resource(String name) {
        try (InputStream in = Campaign.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("Cannot find " + RESOURCES + name + " on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCES + name, e);
        }
    }
}
