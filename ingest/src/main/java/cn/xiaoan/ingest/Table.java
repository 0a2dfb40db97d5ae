package cn.xiaoan.ingest;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A located table: the header found in the first rows of a source (below any title rows, possibly spread over two
 * rows where cells were merged), the report date written above it, and the data rows that follow.
 */
final class Table {
    /** How far down a sheet the header may sit. */
    static final int SCAN_ROWS = 30;
    /** A header must name at least this many known columns, so a title row never passes for one. */
    private static final int MIN_MATCHES = 2;

    private static final String[] REPORT_DATE_LABELS = {"填报日期", "报送日期", "填表日期", "上报日期"};
    /** Who sends the return: a nil return (零报告) has no rows to name its school, so its title row does. */
    private static final String[] REPORTING_UNIT_LABELS = {"填报单位", "报送单位", "填表单位", "上报单位"};

    private static final String[] FOOTER_LABELS = {
        "填报人", "填表人", "制表人", "审核人", "负责人", "单位负责人", "主要负责人", "分管领导", "联系人", "联系电话", "校长签字", "签字", "盖章", "单位盖章"
    };

    private static final String FOOTER_INITIALS = initials(FOOTER_LABELS);

    private final RowSource source;
    private final ColumnMap columns;
    private final Optional<String> reportDateText;
    private final Optional<String> reportingUnitText;
    private final ArrayDeque<Buffered> pending;
    private int rowNumber;
    private String rowError;

    private record Buffered(int number, String[] texts, String error) {}

    private Table(
            RowSource source,
            ColumnMap columns,
            Optional<String> reportDateText,
            Optional<String> reportingUnitText,
            ArrayDeque<Buffered> pending) {
        this.source = source;
        this.columns = columns;
        this.reportDateText = reportDateText;
        this.reportingUnitText = reportingUnitText;
        this.pending = pending;
    }

    /** The table in {@code source}, or empty (with {@code source} partly consumed) when no header was found. */
    static Optional<Table> locate(RowSource source, Schema schema) throws IOException {
        var rows = new ArrayList<Buffered>();
        int best = -1;
        int bestScore = 0;
        for (int i = 0; i < SCAN_ROWS; i++) {
            String[] cells = source.next();
            if (cells == null) {
                break;
            }
            rows.add(new Buffered(source.rowNumber(), cells, source.rowError()));
            int score = score(schema, cells);
            if (score > bestScore) {
                best = i;
                bestScore = score;
            }
        }
        if (bestScore < MIN_MATCHES) {
            return Optional.empty();
        }
        String[] header = rows.get(best).texts();
        int dataStart = best + 1;
        // A merged header cell holds its text in its top-left cell only: fill gaps from the row above or below.
        if (best > 0 && fillsGaps(schema, header, rows.get(best - 1).texts())) {
            header = merge(schema, header, rows.get(best - 1).texts());
        }
        if (best + 1 < rows.size()
                && fillsGaps(schema, header, rows.get(best + 1).texts())) {
            header = merge(schema, header, rows.get(best + 1).texts());
            dataStart = best + 2;
        }
        Optional<String> reportDate = Optional.empty();
        for (int i = 0; i < best && reportDate.isEmpty(); i++) {
            reportDate = reportDateIn(rows.get(i).texts());
        }
        Optional<String> reportingUnit = Optional.empty();
        for (int i = 0; i < best && reportingUnit.isEmpty(); i++) {
            reportingUnit = labelledIn(rows.get(i).texts(), REPORTING_UNIT_LABELS);
        }
        var pending = new ArrayDeque<Buffered>(rows.subList(dataStart, rows.size()));
        var columns = new ColumnMap(schema, java.util.Arrays.asList(header));
        var table = new Table(source, columns, reportDate, reportingUnit, pending);
        source.onNewColumn(columns::addLate);
        return Optional.of(table);
    }

    private static int score(Schema schema, String[] cells) {
        boolean[] seen = new boolean[schema.size()];
        int score = 0;
        for (String cell : cells) {
            int column = schema.match(cell);
            if (column >= 0 && !seen[column]) {
                seen[column] = true;
                score++;
            }
        }
        return score;
    }

    /** Whether {@code other} names a known column where {@code header} is blank. */
    private static boolean fillsGaps(Schema schema, String[] header, String[] other) {
        for (int i = 0; i < other.length; i++) {
            boolean blank = i >= header.length || Text.isBlank(header[i]);
            if (blank && schema.match(other[i]) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static String[] merge(Schema schema, String[] header, String[] other) {
        String[] merged = java.util.Arrays.copyOf(header, Math.max(header.length, other.length));
        for (int i = 0; i < other.length; i++) {
            if (Text.isBlank(merged[i]) && schema.match(other[i]) >= 0) {
                merged[i] = other[i];
            } else if (i < header.length && schema.match(header[i]) < 0 && schema.match(other[i]) >= 0) {
                // A group label such as 整改情况 above 整改状态: the specific name wins.
                merged[i] = other[i];
            }
        }
        return merged;
    }

    /** The text after 填报日期 in a title row: in the same cell after a colon, or in the next non-blank cell. */
    static Optional<String> reportDateIn(String[] cells) {
        return labelledIn(cells, REPORT_DATE_LABELS);
    }

    /** The text after one of {@code labels} in a title row: in the same cell after a colon, or in the next cell. */
    static Optional<String> labelledIn(String[] cells, String[] labels) {
        for (int i = 0; i < cells.length; i++) {
            String cell = cells[i];
            if (cell == null) {
                continue;
            }
            for (String label : labels) {
                int at = cell.indexOf(label);
                if (at < 0) {
                    continue;
                }
                String rest = cell.substring(at + label.length());
                int start = 0;
                while (start < rest.length()
                        && (rest.charAt(start) == ':'
                                || rest.charAt(start) == '：'
                                || Text.isSpace(rest.charAt(start)))) {
                    start++;
                }
                int end = start;
                while (end < rest.length() && !Text.isSpace(rest.charAt(end))) {
                    end++;
                }
                if (end > start) {
                    return Optional.of(rest.substring(start, end));
                }
                for (int j = i + 1; j < cells.length; j++) {
                    String next = Text.clean(cells[j]);
                    if (next != null) {
                        return Optional.of(next);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** A signature line below the data, e.g. 填报人：张三  审核人：李四. */
    static boolean isFooter(Cells cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (cells.isBlank(i)) {
                continue;
            }
            String text = Text.clean(cells.get(i));
            if (FOOTER_INITIALS.indexOf(text.charAt(0)) < 0) {
                return false; // most rows: no label starts with the first character (an id, a code)
            }
            for (String label : FOOTER_LABELS) {
                if (text.startsWith(label)) {
                    int after = label.length();
                    return after == text.length() || text.charAt(after) == ':' || text.charAt(after) == '：';
                }
            }
            return false;
        }
        return false;
    }

    private static String initials(String[] labels) {
        var initials = new StringBuilder();
        for (String label : labels) {
            if (initials.indexOf(label.substring(0, 1)) < 0) {
                initials.append(label.charAt(0));
            }
        }
        return initials.toString();
    }

    static boolean isBlank(Cells cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (!cells.isBlank(i)) {
                return false;
            }
        }
        return true;
    }

    ColumnMap columns() {
        return columns;
    }

    Optional<String> reportDateText() {
        return reportDateText;
    }

    /** The 填报单位 written above the header (a school's name or code), if any. */
    Optional<String> reportingUnitText() {
        return reportingUnitText;
    }

    String sheet() {
        return source.sheet();
    }

    /** The next data row's cells (blank and signature rows included; the caller skips them), or null. */
    Cells next() throws IOException {
        Buffered buffered = pending.poll();
        if (buffered != null) {
            rowNumber = buffered.number();
            rowError = buffered.error();
            return Cells.of(buffered.texts());
        }
        Cells cells = source.nextCells();
        rowNumber = source.rowNumber();
        rowError = source.rowError();
        return cells;
    }

    int rowNumber() {
        return rowNumber;
    }

    /** Why the last row could not be read at all (a bad JSON line), or null. */
    String rowError() {
        return rowError;
    }

    List<String> headers() {
        return columns.headers();
    }
}
