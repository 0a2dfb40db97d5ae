package cn.xiaoan.ingest;

import java.sql.SQLException;
import java.util.Arrays;

/**
 * Accepted rows recorded as the converter writes them, to be replayed into a {@link BatchWriter} on another thread:
 * the values of all rows in one sequence of kinds, texts in one array and numbers in another.
 */
final class RowBatch implements RowWriter {
    static final int ROWS = 2048;

    private static final byte TEXT = 0;
    private static final byte DATE = 1;
    private static final byte BOOL = 2;
    private static final byte COUNT = 3;

    private byte[] kinds = new byte[ROWS * 32];
    private int values;
    private String[] texts = new String[ROWS * 24];
    private int textCount;
    private int[] numbers = new int[ROWS * 8];
    private int numberCount;
    private final int[] valuesEnd = new int[ROWS];
    private final int[] sourceRows = new int[ROWS];
    private final String[] extras = new String[ROWS];
    private int rows;

    boolean isFull() {
        return rows == ROWS;
    }

    boolean isEmpty() {
        return rows == 0;
    }

    @Override
    public void text(String value) {
        kind(TEXT);
        if (textCount == texts.length) {
            texts = Arrays.copyOf(texts, textCount * 2);
        }
        texts[textCount++] = value;
    }

    @Override
    public void date(int epochDay) {
        number(DATE, epochDay);
    }

    @Override
    public void bool(boolean value) {
        number(BOOL, value ? 1 : 0);
    }

    @Override
    public void count(int value) {
        number(COUNT, value);
    }

    private void number(byte kind, int value) {
        kind(kind);
        if (numberCount == numbers.length) {
            numbers = Arrays.copyOf(numbers, numberCount * 2);
        }
        numbers[numberCount++] = value;
    }

    private void kind(byte kind) {
        if (values == kinds.length) {
            kinds = Arrays.copyOf(kinds, values * 2);
        }
        kinds[values++] = kind;
    }

    /** Ends the row whose values were just written. */
    void endRow(int sourceRow, String extra) {
        valuesEnd[rows] = values;
        sourceRows[rows] = sourceRow;
        extras[rows] = extra;
        rows++;
    }

    void replayInto(BatchWriter writer) throws SQLException {
        int value = 0;
        int text = 0;
        int number = 0;
        for (int row = 0; row < rows; row++) {
            writer.beginRow();
            for (int end = valuesEnd[row]; value < end; value++) {
                switch (kinds[value]) {
                    case TEXT -> writer.text(texts[text++]);
                    case DATE -> writer.date(numbers[number++]);
                    case BOOL -> writer.bool(numbers[number++] != 0);
                    default -> writer.count(numbers[number++]);
                }
            }
            writer.endRow(sourceRows[row], extras[row]);
        }
    }

    void clear() {
        Arrays.fill(texts, 0, textCount, null);
        Arrays.fill(extras, 0, rows, null);
        values = 0;
        textCount = 0;
        numberCount = 0;
        rows = 0;
    }
}
