package cn.xiaoan.domain;

/**
 * Text written into a file a spreadsheet will open (exports, reject reports): a cell that starts like a formula
 * ({@code = + - @}, or a tab or carriage return, as OWASP lists for CSV injection) gets a leading apostrophe, so Excel
 * and WPS show it as text and never run it. The one definition of that rule, shared by every writer.
 *
 * <p>Apostrophes already leading such a text are escaped the same way ({@code '=1} becomes {@code ''=1}), which makes
 * {@link #restored} the exact inverse: a reader of the file can show the clerk the value as they typed it.
 */
public final class SpreadsheetText {
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private SpreadsheetText() {}

    /** {@code text} as it is safe to write into a spreadsheet cell. */
    public static String defused(String text) {
        return needsApostrophe(text) ? "'" + text : text;
    }

    /** The text that {@link #defused} turned into {@code cell}. */
    public static String restored(String cell) {
        if (cell.startsWith("'") && needsApostrophe(cell.substring(1))) {
            return cell.substring(1);
        }
        return cell;
    }

    /** Whether the first character after any leading apostrophes starts a formula. */
    private static boolean needsApostrophe(String text) {
        int i = 0;
        while (i < text.length() && text.charAt(i) == '\'') {
            i++;
        }
        return i < text.length() && FORMULA_STARTS.indexOf(text.charAt(i)) >= 0;
    }
}
