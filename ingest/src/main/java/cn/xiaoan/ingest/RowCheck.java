package cn.xiaoan.ingest;

import cn.xiaoan.domain.Coded;
import java.util.ArrayList;
import java.util.List;

/**
 * The row being converted: typed access to its cells by schema column, each failure recorded as a {@link Problem}
 * naming the file's own header. One instance is reused for every row of a file.
 */
final class RowCheck {
    /** Returned by {@link #date} when the cell is blank. */
    static final int ABSENT = Integer.MAX_VALUE;
    /** Returned by {@link #date} when the cell is not a date (a problem was recorded). */
    static final int INVALID = Integer.MIN_VALUE;

    private final ColumnMap columns;
    private final List<String> keys;
    private final List<Problem> problems = new ArrayList<>();
    private final StringBuilder warnings = new StringBuilder();
    private Cells cells;
    private int rowNumber;

    RowCheck(ColumnMap columns, Schema schema) {
        this.columns = columns;
        this.keys = schema.columns().stream().map(ColumnSpec::key).toList();
    }

    void start(Cells cells, int rowNumber) {
        this.cells = cells;
        this.rowNumber = rowNumber;
        problems.clear();
        warnings.setLength(0);
        for (int position = 0; position < cells.size(); position++) {
            if (cells.longerThan(position, Text.MAX_CELL_LENGTH)) {
                String header = position < columns.width() ? columns.headers().get(position) : "";
                problems.add(new Problem(
                        RejectReason.TOO_LONG,
                        header,
                        Text.shown(cells.get(position)),
                        header + " 内容超过 " + Text.MAX_CELL_LENGTH + " 个字符的上限，未导入",
                        (header.isEmpty() ? "a cell" : header) + " is longer than the " + Text.MAX_CELL_LENGTH
                                + " characters allowed; not stored"));
            }
        }
    }

    int rowNumber() {
        return rowNumber;
    }

    Cells cells() {
        return cells;
    }

    boolean ok() {
        return problems.isEmpty();
    }

    List<Problem> problems() {
        return problems;
    }

    /** Warning codes joined by {@code ;}, empty when none. */
    String warnings() {
        return warnings.toString();
    }

    void warn(String code) {
        if (warnings.length() > 0) {
            warnings.append(';');
        }
        warnings.append(code);
    }

    String header(int column) {
        return columns.header(column);
    }

    String key(int column) {
        return keys.get(column);
    }

    /** The trimmed text of a column, or null when blank or the file has no such column. */
    String text(int column) {
        return textAt(cell(column));
    }

    /** The trimmed text of the cell at a {@link #cell} position, null for -1. */
    String textAt(int position) {
        return position < 0 ? null : Text.clean(cells.get(position));
    }

    /**
     * Where in the row a column's value is (its own cell, else its fallback's), or -1 when blank or absent. For a
     * value stored as typed: {@link RowWriter#cell} copies it without it ever becoming a {@code String}.
     */
    int cell(int column) {
        int position = columns.position(column);
        if (position >= 0 && !cells.isBlank(position)) {
            return position;
        }
        int fallback = columns.fallback(column);
        return fallback >= 0 && !cells.isBlank(fallback) ? fallback : -1;
    }

    /** {@link #cell}, recording a problem when the column is blank. */
    int requiredCell(int column) {
        int position = cell(column);
        if (position < 0) {
            missing(column);
        }
        return position;
    }

    String requiredText(int column) {
        String value = text(column);
        if (value == null) {
            missing(column);
        }
        return value;
    }

    void missing(int column) {
        problems.add(new Problem(
                RejectReason.MISSING_VALUE,
                header(column),
                "",
                header(column) + " 为空（必填）",
                key(column) + " is missing (required)"));
    }

    void problem(RejectReason reason, int column, String value, String reasonZh, String reasonEn) {
        problems.add(new Problem(reason, header(column), Text.shown(value), reasonZh, reasonEn));
    }

    void problem(Problem problem) {
        problems.add(problem);
    }

    /** The epoch day of a date column, {@link #ABSENT} or {@link #INVALID}. */
    int date(int column, boolean required) {
        int position = cell(column);
        if (position < 0) {
            if (required) {
                missing(column);
                return INVALID;
            }
            return ABSENT;
        }
        byte[] bytes = cells.utf8();
        if (bytes != null) {
            int day = Dates.parseIso(bytes, cells.textStart(position), cells.textEnd(position));
            if (!Dates.isError(day)) {
                return day;
            }
        }
        String value = Text.clean(cells.get(position));
        int day = Dates.parse(value);
        if (Dates.isError(day)) {
            String shown = Text.shown(value);
            problems.add(new Problem(
                    RejectReason.BAD_DATE,
                    header(column),
                    shown,
                    Dates.reasonZh(header(column), shown, day),
                    Dates.reasonEn(key(column), shown, day)));
            return INVALID;
        }
        return day;
    }

    <E extends Enum<E> & Coded> E code(int column, Resolver<E> resolver, boolean required, String whatZh) {
        int position = required ? requiredCell(column) : cell(column);
        if (position < 0) {
            return null;
        }
        E resolved = resolver.resolve(cells, position);
        if (resolved == null) {
            String value = Text.clean(cells.get(position));
            String shown = Text.shown(value);
            problem(
                    RejectReason.UNKNOWN_TERM,
                    column,
                    value,
                    header(column) + " \"" + shown + "\" 不是已知的" + whatZh + "（应为 " + resolver.expectedZh() + " 或其代码、别名）",
                    key(column) + " \"" + shown + "\" is not a known " + key(column) + " (expected one of "
                            + resolver.expectedEn() + ", or a Chinese name or alias)");
        }
        return resolved;
    }

    /** 1 for yes, 0 for no, -1 for blank or invalid (a problem was recorded when {@code required} or invalid). */
    int flag(int column, boolean required) {
        String value = required ? requiredText(column) : text(column);
        if (value == null) {
            return -1;
        }
        int flag = Flags.parse(value);
        if (flag < 0) {
            String shown = Text.shown(value);
            problem(
                    RejectReason.BAD_FLAG,
                    column,
                    value,
                    header(column) + " \"" + shown + "\" 应为 是/否（或 Y/N、true/false、1/0）",
                    key(column) + " \"" + shown + "\" is not yes/no (expected 是/否, Y/N, true/false or 1/0)");
        }
        return flag;
    }

    /** A school identification code: exactly 10 digits. */
    String schoolCode(int column) {
        String value = requiredText(column);
        if (value == null) {
            return null;
        }
        if (value.length() != 10 || !allDigits(value)) {
            String shown = Text.shown(value);
            problem(
                    RejectReason.BAD_SCHOOL_CODE,
                    column,
                    value,
                    header(column) + " \"" + shown + "\" 不是 10 位数字的学校标识码",
                    key(column) + " \"" + shown + "\" is not a 10-digit school identification code");
            return null;
        }
        return value;
    }

    static boolean allDigits(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return !value.isEmpty();
    }
}
