package cn.xiaoan.api.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.xiaoan.analytics.figure.FigureUnit;
import cn.xiaoan.domain.ReferenceData;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ChoroplethPainterTest {
    private static final AreaMap MAP = AreaMap.shipped(ReferenceData.load().districts());
    private static final int WIDTH = 1200;
    private static final int HEIGHT = 900;

    @Test
    void shadesTheHighestValueDarkestTheLowestLightestAndAMissingValueGrey() throws Exception {
        var values = new LinkedHashMap<String, Double>();
        values.put("140981", 0.95); // 原平市
        values.put("140922", 0.40); // 五台县
        values.put("140902", 0.70); // 忻府区
        values.put("140925", null); // 宁武县: cannot be computed
        var shading =
                new ChoroplethShading("各县区整改率", "截至 2026-10-31", values, FigureValueFormat.of(FigureUnit.RATE), "无法计算");

        byte[] png = new ChoroplethPainter().png(MAP, shading, WIDTH, HEIGHT);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));

        assertThat(image.getWidth()).isEqualTo(WIDTH);
        assertThat(image.getHeight()).isEqualTo(HEIGHT);
        int darkest = fillAt(image, "140981");
        int lightest = fillAt(image, "140922");
        int middle = fillAt(image, "140902");
        assertThat(brightness(darkest)).isLessThan(brightness(middle));
        assertThat(brightness(middle)).isLessThan(brightness(lightest));
        assertThat(fillAt(image, "140925")).isEqualTo(0xd9d9d9);
        assertThat(fillAt(image, "140930"))
                .as("a district absent from the values")
                .isEqualTo(0xd9d9d9);
    }

    @Test
    void refusesAnUnreasonableSize() {
        var shading = new ChoroplethShading("t", "n", Map.of(), FigureValueFormat.of(FigureUnit.COUNT), "n/a");

        assertThatThrownBy(() -> new ChoroplethPainter().png(MAP, shading, 50, 50))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("50×50");
    }

    /** The colour most pixels have in a small box below the district's label (the label's text is thin). */
    private static int fillAt(BufferedImage image, String district) {
        LonLat label = MAP.outline(district).orElseThrow().labelPoint();
        Point2D.Double at = ChoroplethPainter.pixelOf(MAP, label, WIDTH, HEIGHT);
        int below = Math.round(Math.min(WIDTH, HEIGHT) / 60f * 3);
        var counts = new HashMap<Integer, Integer>();
        for (int dx = -6; dx <= 6; dx++) {
            for (int dy = -6; dy <= 6; dy++) {
                int rgb = image.getRGB((int) at.x + dx, (int) at.y + below + dy) & 0xffffff;
                counts.merge(rgb, 1, Integer::sum);
            }
        }
        return counts.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .orElseThrow()
                .getKey();
    }

    private static int brightness(int rgb) {
        return ((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff);
    }
}
