package cn.xiaoan.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * One worksheet's rows from its XML, as the cell texts the validator reads: shared and inline strings as written,
 * formulas as their cached value, numbers in date-formatted styles as ISO dates, other numbers without a trailing
 * {@code .0}, booleans as {@code true}/{@code false}, errors as {@code #ERROR}.
 */
final class XlsxSheet implements RowSource {
    private final String fileName;
    private final String name;
    private final XMLStreamReader reader;
    private final InputStream in;
    private final String[] sharedStrings;
    private final boolean[] dateStyles;
    private final XlsxWorkbook.CellText text = new XlsxWorkbook.CellText();
    private String[] cells = new String[32];
    private int rowNumber;

    XlsxSheet(
            String fileName,
            String name,
            XMLStreamReader reader,
            InputStream in,
            String[] sharedStrings,
            boolean[] dateStyles) {
        this.fileName = fileName;
        this.name = name;
        this.reader = reader;
        this.in = in;
        this.sharedStrings = sharedStrings;
        this.dateStyles = dateStyles;
    }

    @Override
    public String[] next() {
        try {
            while (reader.hasNext()) {
                if (reader.next() == XMLStreamConstants.START_ELEMENT
                        && reader.getLocalName().equals("row")) {
                    String number = reader.getAttributeValue(null, "r");
                    rowNumber = number == null ? rowNumber + 1 : Integer.parseInt(number);
                    return readRow();
                }
            }
            return null;
        } catch (XMLStreamException | RuntimeException e) {
            throw new UnreadableFileException(
                    "Cannot read " + fileName + " sheet " + name + " after row " + rowNumber + ": "
                            + XlsxWorkbook.rootMessage(e)
                            + "; open it in Excel or WPS and save it again as .xlsx, or export it as CSV (UTF-8)",
                    e);
        }
    }

    private String[] readRow() throws XMLStreamException {
        int width = 0;
        int column = -1;
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.END_ELEMENT && reader.getLocalName().equals("row")) {
                break;
            }
            if (event != XMLStreamConstants.START_ELEMENT
                    || !reader.getLocalName().equals("c")) {
                continue;
            }
            String reference = reader.getAttributeValue(null, "r");
            column = reference == null ? column + 1 : column(reference);
            String value = readCell();
            if (value != null) {
                if (column >= cells.length) {
                    cells = Arrays.copyOf(cells, Math.max(column + 1, cells.length * 2));
                }
                cells[column] = value;
                width = Math.max(width, column + 1);
            }
        }
        String[] row = Arrays.copyOf(cells, width);
        Arrays.fill(cells, 0, width, null);
        return row;
    }

    /** The cell's text; the reader is on {@code <c>} and ends on {@code </c>}. */
    private String readCell() throws XMLStreamException {
        String type = reader.getAttributeValue(null, "t");
        String style = reader.getAttributeValue(null, "s");
        String value = null;
        String inline = null;
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.END_ELEMENT && reader.getLocalName().equals("c")) {
                break;
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (reader.getLocalName()) {
                    case "v" -> value = text.readSimple(reader);
                    case "is" -> inline = text.readItem(reader, "is");
                    default -> text.readSimple(reader);
                }
            }
        }
        if (type == null || type.equals("n")) {
            return number(value, style);
        }
        return switch (type) {
            case "s" -> shared(value);
            case "inlineStr" -> inline != null ? inline : value;
            case "b" -> value == null ? null : value.strip().equals("1") ? "true" : "false";
            case "e" -> "#ERROR";
            default -> value;
        };
    }

    private String shared(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        int index = Integer.parseInt(value.strip());
        if (index < 0 || index >= sharedStrings.length) {
            throw new IllegalArgumentException(
                    "cell refers to shared string " + index + " but the table has " + sharedStrings.length);
        }
        return sharedStrings[index];
    }

    private String number(String value, String style) {
        if (value == null || value.isBlank()) {
            return null;
        }
        double number = Double.parseDouble(value.strip());
        int index = style == null ? 0 : Integer.parseInt(style);
        boolean date = index >= 0 && index < dateStyles.length && dateStyles[index];
        return date ? XlsxWorkbook.dateText(number) : XlsxWorkbook.numberText(number);
    }

    /** The zero-based column of a cell reference such as {@code AB12}. */
    private static int column(String reference) {
        int column = 0;
        for (int i = 0; i < reference.length(); i++) {
            char c = reference.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                column = column * 26 + (c - 'A' + 1);
            } else if (c >= 'a' && c <= 'z') {
                column = column * 26 + (c - 'a' + 1);
            } else {
                break;
            }
            if (column > 16_384) {
                throw new IllegalArgumentException("cell reference " + reference + " is beyond column XFD");
            }
        }
        return column - 1;
    }

    @Override
    public int rowNumber() {
        return rowNumber;
    }

    @Override
    public String sheet() {
        return name;
    }

    @Override
    public void close() throws IOException {
        try {
            reader.close();
        } catch (XMLStreamException e) {
            throw new IOException("Cannot close sheet " + name + ": " + e.getMessage(), e);
        } finally {
            in.close();
        }
    }
}
