package cn.xiaoan.api.geo;

import static java.util.Objects.requireNonNull;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * Draws a county choropleth of an {@link AreaMap} with Java2D, for documents (the campaign report) and
 * {@code GET /api/v1/geo/map.png}: each district shaded light to dark red by its value (the dashboards' heatmap scale,
 * which reads in greyscale too), grey where the value cannot be computed, its name and value on it, a title, a note and
 * a legend. Equirectangular projection with longitude scaled by the cosine of the middle latitude: at a city's size
 * this is what ECharts' map draws as well.
 */
public final class ChoroplethPainter {
    private static final Color LOW = new Color(0xfe, 0xe5, 0xd9);
    private static final Color HIGH = new Color(0xa5, 0x0f, 0x15);
    private static final Color NO_VALUE = new Color(0xd9, 0xd9, 0xd9);
    private static final Color INK = new Color(0x1f, 0x29, 0x37);
    private static final Color BORDER = Color.WHITE;
    /** Fonts that carry Chinese, best first; the JDK's logical sans-serif falls back through fontconfig otherwise. */
    private static final List<String> CJK_FONTS =
            List.of("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Microsoft YaHei");

    private final String fontFamily;

    public ChoroplethPainter() {
        Set<String> installed =
                Set.of(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames());
        this.fontFamily =
                CJK_FONTS.stream().filter(installed::contains).findFirst().orElse(Font.SANS_SERIF);
    }

    /** The picture as PNG bytes. */
    public byte[] png(AreaMap map, ChoroplethShading shading, int width, int height) {
        BufferedImage image = paint(map, shading, width, height);
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot encode the map as PNG", e);
        }
        return out.toByteArray();
    }

    public BufferedImage paint(AreaMap map, ChoroplethShading shading, int width, int height) {
        requireNonNull(map, "map");
        if (width < 200 || height < 150 || width > 8000 || height > 8000) {
            throw new IllegalArgumentException(
                    "Cannot draw a map of " + width + "×" + height + " pixels: use 200–8000 × 150–8000");
        }
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            float unit = unit(width, height);
            Font title = new Font(fontFamily, Font.BOLD, Math.round(unit * 2.2f));
            Font small = new Font(fontFamily, Font.PLAIN, Math.round(unit * 1.3f));
            g.setColor(INK);
            g.setFont(title);
            int baseline = Math.round(unit) + g.getFontMetrics().getAscent();
            g.drawString(shading.title(), Math.round(unit), baseline);
            g.setFont(small);
            g.drawString(
                    shading.note(),
                    Math.round(unit),
                    baseline + g.getFontMetrics().getHeight());
            Rectangle2D.Double mapArea = mapArea(width, height);
            Range range = Range.of(shading);
            drawDistricts(g, map, shading, range, projection(map, mapArea), unit);
            drawLegend(g, shading, range, unit, (int) Math.round(mapArea.getMaxY()));
        } finally {
            g.dispose();
        }
        return image;
    }

    private void drawDistricts(
            Graphics2D g, AreaMap map, ChoroplethShading shading, Range range, Projection at, float unit) {
        g.setStroke(new BasicStroke(Math.max(1f, unit / 8), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (DistrictOutline outline : map.outlines()) {
            Path2D.Double shape = new Path2D.Double(Path2D.WIND_EVEN_ODD);
            for (List<LonLat> ring : outline.rings()) {
                for (int i = 0; i < ring.size(); i++) {
                    double x = at.x(ring.get(i));
                    double y = at.y(ring.get(i));
                    if (i == 0) {
                        shape.moveTo(x, y);
                    } else {
                        shape.lineTo(x, y);
                    }
                }
                shape.closePath();
            }
            Double value = shading.values().get(outline.code());
            g.setColor(value == null ? NO_VALUE : range.shade(value));
            g.fill(shape);
            g.setColor(BORDER);
            g.draw(shape);
        }
        Font name = new Font(fontFamily, Font.BOLD, Math.round(unit * 1.2f));
        Font figure = new Font(fontFamily, Font.PLAIN, Math.round(unit * 1.1f));
        for (DistrictOutline outline : map.outlines()) {
            Double value = shading.values().get(outline.code());
            LonLat centre = outline.labelPoint();
            double x = at.x(centre);
            double y = at.y(centre);
            boolean dark = value != null && range.position(value) > 0.55;
            g.setColor(dark ? Color.WHITE : INK);
            centred(g, name, outline.nameZh(), x, y);
            centred(
                    g,
                    figure,
                    value == null ? shading.noValue() : shading.format().apply(value),
                    x,
                    y + unit * 1.4);
        }
    }

    private void drawLegend(Graphics2D g, ChoroplethShading shading, Range range, float unit, int top) {
        Font small = new Font(fontFamily, Font.PLAIN, Math.round(unit * 1.2f));
        g.setFont(small);
        FontMetrics metrics = g.getFontMetrics();
        int left = Math.round(unit);
        int barWidth = Math.round(unit * 16);
        int barHeight = Math.round(unit);
        int baseline = top + Math.round(unit) + metrics.getAscent();
        if (range.present()) {
            String low = shading.format().apply(range.min());
            String high = shading.format().apply(range.max());
            g.setColor(INK);
            g.drawString(low, left, baseline);
            int barLeft = left + metrics.stringWidth(low) + Math.round(unit / 2);
            g.setPaint(new GradientPaint(barLeft, 0, LOW, barLeft + barWidth, 0, HIGH));
            g.fillRect(barLeft, baseline - barHeight, barWidth, barHeight);
            g.setColor(INK);
            g.drawString(high, barLeft + barWidth + Math.round(unit / 2), baseline);
            left = barLeft + barWidth + Math.round(unit) + metrics.stringWidth(high) + Math.round(unit * 2);
        }
        g.setColor(NO_VALUE);
        g.fillRect(left, baseline - barHeight, barHeight * 2, barHeight);
        g.setColor(INK);
        g.drawString(shading.noValue(), left + barHeight * 2 + Math.round(unit / 2), baseline);
    }

    /** Where a point of the map lands in a picture of this size (for tests and image maps). */
    public static Point2D.Double pixelOf(AreaMap map, LonLat point, int width, int height) {
        Projection projection = projection(map, mapArea(width, height));
        return new Point2D.Double(projection.x(point), projection.y(point));
    }

    private static float unit(int width, int height) {
        return Math.min(width, height) / 60f;
    }

    /** Below the title and note (six units), above the legend (four units). */
    private static Rectangle2D.Double mapArea(int width, int height) {
        float unit = unit(width, height);
        return new Rectangle2D.Double(unit, unit * 6, width - 2.0 * unit, height - unit * 11);
    }

    private static void centred(Graphics2D g, Font font, String text, double x, double y) {
        g.setFont(font);
        FontMetrics metrics = g.getFontMetrics();
        g.drawString(text, (float) (x - metrics.stringWidth(text) / 2.0), (float) y);
    }

    private static Projection projection(AreaMap map, Rectangle2D.Double area) {
        double minLon = Double.MAX_VALUE;
        double maxLon = -Double.MAX_VALUE;
        double minLat = Double.MAX_VALUE;
        double maxLat = -Double.MAX_VALUE;
        for (DistrictOutline outline : map.outlines()) {
            for (List<LonLat> ring : outline.rings()) {
                for (LonLat point : ring) {
                    minLon = Math.min(minLon, point.lon());
                    maxLon = Math.max(maxLon, point.lon());
                    minLat = Math.min(minLat, point.lat());
                    maxLat = Math.max(maxLat, point.lat());
                }
            }
        }
        double squeeze = Math.cos(Math.toRadians((minLat + maxLat) / 2));
        double spanX = Math.max(1e-9, (maxLon - minLon) * squeeze);
        double spanY = Math.max(1e-9, maxLat - minLat);
        double scale = Math.min(area.width / spanX, area.height / spanY);
        double offsetX = area.x + (area.width - spanX * scale) / 2;
        double offsetY = area.y + (area.height - spanY * scale) / 2;
        return new Projection(minLon, maxLat, squeeze, scale, offsetX, offsetY);
    }

    private record Projection(double west, double north, double squeeze, double scale, double left, double top) {
        double x(LonLat point) {
            return left + (point.lon() - west) * squeeze * scale;
        }

        double y(LonLat point) {
            return top + (north - point.lat()) * scale;
        }
    }

    /** The smallest and largest value drawn; one value alone gets the middle shade. */
    private record Range(double min, double max, boolean present) {
        static Range of(ChoroplethShading shading) {
            var values = shading.values().values().stream()
                    .filter(Objects::nonNull)
                    .mapToDouble(Double::doubleValue)
                    .summaryStatistics();
            return values.getCount() == 0 ? new Range(0, 0, false) : new Range(values.getMin(), values.getMax(), true);
        }

        double position(double value) {
            return max > min ? (value - min) / (max - min) : 0.5;
        }

        Color shade(double value) {
            double t = Math.max(0, Math.min(1, position(value)));
            return new Color(
                    mix(LOW.getRed(), HIGH.getRed(), t),
                    mix(LOW.getGreen(), HIGH.getGreen(), t),
                    mix(LOW.getBlue(), HIGH.getBlue(), t));
        }

        private static int mix(int from, int to, double t) {
            return (int) Math.round(from + (to - from) * t);
        }
    }
}
