package cn.xiaoan.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.util.function.Consumer;

/** Rows of one sheet (or one CSV/JSON file) as cell texts, read streamingly. */
interface RowSource extends Closeable {
    /** The next row's cells, or null at the end. Cells may be null or blank; the array may be shorter than the header. */
    String[] next() throws IOException;

    /** The next row, as {@link #next} but as {@link Cells}, which a source may reuse for the row after. */
    default Cells nextCells() throws IOException {
        String[] cells = next();
        return cells == null ? null : Cells.of(cells);
    }

    /** The number the user sees for the row {@link #next()} returned last (spreadsheet row, CSV record, JSON item). */
    int rowNumber();

    /** The sheet name for workbooks, empty otherwise. */
    String sheet();

    /** Why the row {@link #next()} returned last could not be read at all (e.g. a bad JSON line), or null. */
    default String rowError() {
        return null;
    }

    /** JSON sources learn columns as keys first appear; they announce each to the listener. */
    default void onNewColumn(Consumer<String> listener) {}
}
