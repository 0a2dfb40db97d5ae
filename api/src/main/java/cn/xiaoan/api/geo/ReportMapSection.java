package cn.xiaoan.api.geo;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.analytics.figure.Figure;
import cn.xiaoan.analytics.figure.FigureRow;
import cn.xiaoan.analytics.report.ReportData;
import cn.xiaoan.analytics.report.ReportFormat;
import cn.xiaoan.analytics.report.ReportKind;
import cn.xiaoan.analytics.report.ReportPackage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.xmlbeans.XmlCursor;

/**
 * Adds the county map (一张图) to a city-wide campaign report in Word: the MAJOR hazards still open at the report's as-of
 * date per district, from the report's own by-district figures, drawn by {@link ChoroplethPainter} and placed at the
 * end of the section on districts (before {@value #NEXT_SECTION}), or at the end of the document when that section is
 * missing. The report writer itself stays untouched: this works on the document it wrote.
 */
public final class ReportMapSection {
    /** The heading the map goes before: the section after the one on districts. */
    static final String NEXT_SECTION = "四、分学校类型情况";

    private static final Figure SHOWN = Figure.MAJOR_OPEN;
    private static final int WIDTH_PX = 1600;
    private static final int HEIGHT_PX = 1200;
    private static final double WIDTH_CM = 15.5;

    private final AreaMap map;
    private final ChoroplethPainter painter;

    public ReportMapSection(AreaMap map, ChoroplethPainter painter) {
        this.map = requireNonNull(map, "map");
        this.painter = requireNonNull(painter, "painter");
    }

    /**
     * Whether the report gets a map: the primary campaign's report of its whole area (the shipped map is the
     * installation's area), as a Word document.
     */
    public static boolean applies(ReportData data) {
        return data.request().kind() == ReportKind.CAMPAIGN
                && data.campaign().primary()
                && data.request().format() == ReportFormat.DOCX
                && data.request().district().isEmpty();
    }

    /** The document with the map added (unchanged when {@link #applies} is false). */
    public byte[] addTo(byte[] docx, ReportData data) throws IOException {
        if (!applies(data)) {
            return docx;
        }
        var values = new LinkedHashMap<String, Double>();
        for (FigureRow row : data.byDistrict().rows()) {
            values.put(row.keys().get(0), row.value(SHOWN));
        }
        String title = "各县区" + SHOWN.nameZh();
        var shading = new ChoroplethShading(
                title,
                "截至 " + data.asOf() + " · 模型 v" + data.modelVersion().version(),
                values,
                FigureValueFormat.of(SHOWN.unit()),
                "无法计算");
        byte[] png = painter.png(map, shading, WIDTH_PX, HEIGHT_PX);
        try (var doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            XWPFParagraph caption = insertBeforeNextSection(doc);
            caption.setAlignment(ParagraphAlignment.CENTER);
            XWPFRun text = caption.createRun();
            text.setText("图　" + title + "分布（截至 " + data.asOf() + "，颜色越深越多）");
            text.setFontFamily("Noto Serif CJK SC");
            text.setFontSize(12);
            XWPFParagraph picture = insertBeforeNextSection(doc);
            picture.setAlignment(ParagraphAlignment.CENTER);
            double heightCm = WIDTH_CM * HEIGHT_PX / WIDTH_PX;
            picture.createRun()
                    .addPicture(
                            new ByteArrayInputStream(png),
                            Document.PICTURE_TYPE_PNG,
                            "area-map.png",
                            (int) Math.round(WIDTH_CM * Units.EMU_PER_CENTIMETER),
                            (int) Math.round(heightCm * Units.EMU_PER_CENTIMETER));
            var out = new ByteArrayOutputStream();
            doc.write(out);
            return ReportPackage.fixed(out.toByteArray(), data.generatedOn()); // as the report writers leave it
        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new IOException("Cannot add the map to the report: " + e.getMessage(), e);
        }
    }

    /** A new paragraph before the next section's heading (and the page break ahead of it), else at the end. */
    private static XWPFParagraph insertBeforeNextSection(XWPFDocument doc) {
        List<XWPFParagraph> paragraphs = doc.getParagraphs();
        for (int i = 0; i < paragraphs.size(); i++) {
            if (paragraphs.get(i).getText().strip().equals(NEXT_SECTION)) {
                XWPFParagraph anchor =
                        i > 0 && isPageBreakOnly(paragraphs.get(i - 1)) ? paragraphs.get(i - 1) : paragraphs.get(i);
                try (XmlCursor cursor = anchor.getCTP().newCursor()) {
                    return doc.insertNewParagraph(cursor);
                }
            }
        }
        return doc.createParagraph();
    }

    private static boolean isPageBreakOnly(XWPFParagraph paragraph) {
        return paragraph.getText().isBlank()
                && paragraph.getCTP().xmlText().contains("w:br")
                && paragraph.getCTP().xmlText().contains("page");
    }
}
