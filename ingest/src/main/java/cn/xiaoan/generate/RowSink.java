package cn.xiaoan.generate;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * Receives the cells of one dataset row by row, in the column order of its {@link TableLayout}. A sink writes to
 * temporary files and gives them their real names only in {@link #commit}; closing without commit deletes them.
 */
interface RowSink extends Closeable {
    /** Free text; null leaves the cell empty. */
    void text(String value);

    /** A coded value: the Chinese display name for people's formats, the code for JSON. */
    void coded(String display, String code);

    /** A day of {@link DemoCalendar}; a negative day leaves the cell empty. */
    void date(int day);

    void number(long value);

    /** A yes/no value: 是/否 for people's formats, true/false for JSON. */
    void flag(boolean value);

    void endRow() throws IOException;

    /** Finishes the files, moves them to their real names and describes them. */
    List<GeneratedFile> commit() throws IOException;

    /** Deletes any temporary file unless committed. */
    @Override
    void close() throws IOException;
}
