package cn.xiaoan.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * An XLSX workbook read streamingly straight from its zip parts with StAX: the workbook and its relationships (sheet
 * names and order), the styles (which cell formats are dates) and the shared-strings table are read once, then each
 * sheet's XML row by row. About four times faster than excel-streaming-reader over POI, and never POI's user model.
 * Bounded: a shared-strings table over {@link #MAX_SHARED_STRINGS_BYTES} is refused, every part is counted as it
 * inflates (zip-bomb ratio and size caps, see {@link BoundedEntryStream}), and a cell keeps at most {@link
 * Text#MAX_CELL_LENGTH} + 1 characters, which validation rejects as too long.
 */
final class XlsxWorkbook implements Closeable {
    static final long MAX_SHARED_STRINGS_BYTES = 100L << 20;
    private static final long MAX_ENTRY_BYTES = 2L << 30;
    private static final long MAX_METADATA_BYTES = 64L << 20;
    private static final String WHAT_TO_DO = "split the workbook or export it as CSV (UTF-8)";
    private static final String RESAVE =
            "open it in Excel or WPS and save it again as .xlsx, or export it as CSV (UTF-8)";

    private final String fileName;
    private final ZipFile zip;
    private final XMLInputFactory xml;
    private final List<SheetPart> sheets;
    private final String sharedStringsPart;
    private final boolean[] dateStyles;
    private String[] sharedStrings;

    private record SheetPart(String name, String part) {}

    XlsxWorkbook(Path file, String fileName) {
        this.fileName = fileName;
        checkZip(file, fileName);
        this.xml = XMLInputFactory.newFactory();
        // Workbook XML never needs a DTD; refusing them rules out entity expansion and external entities.
        xml.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        xml.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        xml.setProperty(XMLInputFactory.IS_COALESCING, false);
        ZipFile opened = null;
        try {
            opened = new ZipFile(file.toFile());
            this.zip = opened;
            Map<String, String> relationships = relationships("xl/_rels/workbook.xml.rels");
            this.sheets = sheets(relationships);
            this.sharedStringsPart = partOfType(relationships, "/sharedStrings", "xl/sharedStrings.xml");
            this.dateStyles = dateStyles(partOfType(relationships, "/styles", "xl/styles.xml"));
        } catch (IOException | XMLStreamException | RuntimeException e) {
            closeQuietly(opened);
            if (e instanceof UnreadableFileException unreadable) {
                throw unreadable;
            }
            throw new UnreadableFileException(
                    "Cannot read " + fileName + ": it is not a readable XLSX workbook (" + rootMessage(e) + "); "
                            + RESAVE,
                    e);
        }
    }

    private static void closeQuietly(ZipFile zip) {
        if (zip != null) {
            try {
                zip.close();
            } catch (IOException ignored) {
                // Already failing with a better message.
            }
        }
    }

    private static void checkZip(Path file, String fileName) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            boolean workbookPart = false;
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                if (name.equals("xl/workbook.xml")) {
                    workbookPart = true;
                }
                if (name.equals("xl/sharedStrings.xml") && entry.getSize() > MAX_SHARED_STRINGS_BYTES) {
                    throw new UnreadableFileException("Cannot read " + fileName + ": its shared-strings table is "
                            + (entry.getSize() >> 20) + " MB uncompressed, more than the "
                            + (MAX_SHARED_STRINGS_BYTES >> 20)
                            + " MB the reader holds in memory; split the workbook or export it as CSV (UTF-8)");
                }
                if (entry.getSize() > MAX_ENTRY_BYTES) {
                    throw new UnreadableFileException("Cannot read " + fileName + ": part " + name + " is "
                            + (entry.getSize() >> 20) + " MB uncompressed, more than the " + (MAX_ENTRY_BYTES >> 20)
                            + " MB allowed; split the workbook or export it as CSV (UTF-8)");
                }
            }
            if (!workbookPart) {
                throw new UnreadableFileException("Cannot read " + fileName
                        + ": it is a zip archive but not an XLSX workbook (no xl/workbook.xml); save the ledger as"
                        + " .xlsx from Excel or WPS, or export it as CSV (UTF-8)");
            }
        } catch (ZipException e) {
            throw new UnreadableFileException(
                    "Cannot read " + fileName + ": it is not a valid XLSX (zip) file (" + e.getMessage()
                            + "); open it in Excel or WPS and save it again as .xlsx, or export it as CSV",
                    e);
        } catch (IOException e) {
            throw new UnreadableFileException("Cannot read " + fileName + ": " + e.getMessage(), e);
        }
    }

    static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : message;
    }

    private InputStream open(String part, long maxBytes) throws IOException {
        ZipEntry entry = zip.getEntry(part);
        if (entry == null) {
            throw new IOException("the workbook has no part " + part);
        }
        return new BoundedEntryStream(zip.getInputStream(entry), part, entry.getCompressedSize(), maxBytes, WHAT_TO_DO);
    }

    private XMLStreamReader reader(InputStream in) throws XMLStreamException {
        return xml.createXMLStreamReader(in);
    }

    /** Relationship id → part name inside the zip. */
    private Map<String, String> relationships(String part) throws IOException, XMLStreamException {
        var targets = new HashMap<String, String>();
        if (zip.getEntry(part) == null) {
            return targets;
        }
        try (InputStream in = open(part, MAX_METADATA_BYTES)) {
            XMLStreamReader reader = reader(in);
            while (reader.hasNext()) {
                if (reader.next() == XMLStreamConstants.START_ELEMENT
                        && reader.getLocalName().equals("Relationship")) {
                    String target = reader.getAttributeValue(null, "Target");
                    String type = reader.getAttributeValue(null, "Type");
                    if (target != null) {
                        String resolved = target.startsWith("/") ? target.substring(1) : "xl/" + target;
                        targets.put(reader.getAttributeValue(null, "Id"), resolved);
                        if (type != null) {
                            targets.put(type, resolved);
                        }
                    }
                }
            }
            reader.close();
        }
        return targets;
    }

    private static String partOfType(Map<String, String> relationships, String typeSuffix, String fallback) {
        for (Map.Entry<String, String> entry : relationships.entrySet()) {
            if (entry.getKey().endsWith(typeSuffix)) {
                return entry.getValue();
            }
        }
        return fallback;
    }

    private List<SheetPart> sheets(Map<String, String> relationships) throws IOException, XMLStreamException {
        var found = new ArrayList<SheetPart>();
        try (InputStream in = open("xl/workbook.xml", MAX_METADATA_BYTES)) {
            XMLStreamReader reader = reader(in);
            while (reader.hasNext()) {
                if (reader.next() == XMLStreamConstants.START_ELEMENT
                        && reader.getLocalName().equals("sheet")) {
                    String name = reader.getAttributeValue(null, "name");
                    String id = null;
                    for (int i = 0; i < reader.getAttributeCount(); i++) {
                        if (reader.getAttributeLocalName(i).equals("id")) {
                            id = reader.getAttributeValue(i);
                        }
                    }
                    String part = relationships.getOrDefault(id, "xl/worksheets/sheet" + (found.size() + 1) + ".xml");
                    found.add(new SheetPart(name == null ? "Sheet" + (found.size() + 1) : name, part));
                }
            }
            reader.close();
        }
        return found;
    }

    /** For each cell style index, whether its number format shows a date. */
    private boolean[] dateStyles(String part) throws IOException, XMLStreamException {
        if (zip.getEntry(part) == null) {
            return new boolean[0];
        }
        var formats = new HashMap<Integer, String>();
        var styles = new ArrayList<Boolean>();
        try (InputStream in = open(part, MAX_METADATA_BYTES)) {
            XMLStreamReader reader = reader(in);
            boolean inCellXfs = false;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (reader.getLocalName()) {
                        case "numFmt" ->
                            formats.put(
                                    Integer.parseInt(reader.getAttributeValue(null, "numFmtId")),
                                    reader.getAttributeValue(null, "formatCode"));
                        case "cellXfs" -> inCellXfs = true;
                        case "xf" -> {
                            if (inCellXfs) {
                                String id = reader.getAttributeValue(null, "numFmtId");
                                int format = id == null ? 0 : Integer.parseInt(id);
                                String code = formats.getOrDefault(format, BuiltinFormats.getBuiltinFormat(format));
                                styles.add(code != null && DateUtil.isADateFormat(format, code));
                            }
                        }
                        default -> {}
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT
                        && reader.getLocalName().equals("cellXfs")) {
                    inCellXfs = false;
                }
            }
            reader.close();
        }
        boolean[] dates = new boolean[styles.size()];
        for (int i = 0; i < dates.length; i++) {
            dates[i] = styles.get(i);
        }
        return dates;
    }

    private String[] sharedStrings() throws IOException, XMLStreamException {
        if (sharedStrings != null) {
            return sharedStrings;
        }
        var strings = new ArrayList<String>();
        if (zip.getEntry(sharedStringsPart) != null) {
            try (InputStream in = open(sharedStringsPart, MAX_SHARED_STRINGS_BYTES)) {
                XMLStreamReader reader = reader(in);
                var text = new CellText();
                while (reader.hasNext()) {
                    if (reader.next() == XMLStreamConstants.START_ELEMENT
                            && reader.getLocalName().equals("si")) {
                        strings.add(text.readItem(reader, "si"));
                    }
                }
                reader.close();
            }
        }
        sharedStrings = strings.toArray(new String[0]);
        return sharedStrings;
    }

    int sheetCount() {
        return sheets.size();
    }

    RowSource sheet(int index) {
        SheetPart sheet = sheets.get(index);
        try {
            String[] strings = sharedStrings();
            InputStream in = open(sheet.part(), MAX_ENTRY_BYTES);
            return new XlsxSheet(fileName, sheet.name(), reader(in), in, strings, dateStyles);
        } catch (IOException | XMLStreamException | RuntimeException e) {
            throw new UnreadableFileException(
                    "Cannot read " + fileName + " sheet " + (index + 1) + ": " + rootMessage(e) + "; " + RESAVE, e);
        }
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    /** Collects the text of one element's {@code <t>} descendants, skipping phonetic runs, cut to a bounded length. */
    static final class CellText {
        private static final int KEEP = Text.MAX_CELL_LENGTH + 1;
        private final StringBuilder text = new StringBuilder(64);

        /** Reads up to the end of {@code element} (the reader is on its start tag). */
        String readItem(XMLStreamReader reader, String element) throws XMLStreamException {
            text.setLength(0);
            int phonetic = 0;
            boolean inText = false;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = reader.getLocalName();
                    if (name.equals("rPh")) {
                        phonetic++;
                    } else if (name.equals("t")) {
                        inText = phonetic == 0;
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    String name = reader.getLocalName();
                    if (name.equals(element)) {
                        return text.toString();
                    }
                    if (name.equals("rPh")) {
                        phonetic--;
                    } else if (name.equals("t")) {
                        inText = false;
                    }
                } else if (inText && isText(event)) {
                    append(reader);
                }
            }
            return text.toString();
        }

        /** The characters up to the end of the current element (the reader is on its start tag). */
        String readSimple(XMLStreamReader reader) throws XMLStreamException {
            text.setLength(0);
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.END_ELEMENT) {
                    return text.toString();
                }
                if (isText(event)) {
                    append(reader);
                }
            }
            return text.toString();
        }

        private static boolean isText(int event) {
            return event == XMLStreamConstants.CHARACTERS
                    || event == XMLStreamConstants.CDATA
                    || event == XMLStreamConstants.SPACE;
        }

        private void append(XMLStreamReader reader) {
            int room = KEEP - text.length();
            if (room > 0) {
                text.append(reader.getTextCharacters(), reader.getTextStart(), Math.min(room, reader.getTextLength()));
            }
        }
    }

    /** A date cell as ISO text; serial 60 (Excel's phantom 1900-02-29) stays a number for the validator to refuse. */
    static String dateText(double serial) {
        String whole = numberText(Math.floor(serial));
        int epochDay = Dates.parse(whole);
        return Dates.isError(epochDay) ? whole : Dates.iso(epochDay);
    }

    static String numberText(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
