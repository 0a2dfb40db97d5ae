package cn.xiaoan.ingest;

import java.io.IOException;
import java.io.Reader;

/**
 * Lines of text with a cap on their length: a line longer than {@code maxChars} is skipped to its end without being
 * kept, and reported as such, so one runaway line costs a fixed buffer instead of a heap spike. Lines end at
 * {@code \n}, {@code \r\n} or a lone {@code \r}, as {@link java.io.BufferedReader#readLine()} has them.
 */
final class BoundedLineReader {
    private final Reader in;
    private final int maxChars;
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int limit;
    private boolean ended;
    private boolean tooLong;
    private long length;
    private final StringBuilder line = new StringBuilder();

    BoundedLineReader(Reader in, int maxChars) {
        this.in = in;
        this.maxChars = maxChars;
    }

    /** The next line without its terminator, "" for a line over the cap ({@link #tooLong()}), or null at the end. */
    String readLine() throws IOException {
        line.setLength(0);
        tooLong = false;
        length = 0;
        boolean any = false;
        while (true) {
            if (position == limit && !fill()) {
                return any ? finish() : null;
            }
            any = true;
            int start = position;
            while (position < limit && buffer[position] != '\n' && buffer[position] != '\r') {
                position++;
            }
            keep(start, position);
            if (position < limit) {
                char terminator = buffer[position++];
                if (terminator == '\r' && (position < limit || fill()) && buffer[position] == '\n') {
                    position++;
                }
                return finish();
            }
        }
    }

    /** Whether the line just returned was longer than the cap (its text was dropped). */
    boolean tooLong() {
        return tooLong;
    }

    /** The length in characters of the line just returned, also when it was dropped. */
    long length() {
        return length;
    }

    private void keep(int start, int end) {
        int n = end - start;
        length += n;
        if (tooLong) {
            return;
        }
        if (line.length() + n > maxChars) {
            tooLong = true;
            line.setLength(0);
            line.trimToSize();
            return;
        }
        line.append(buffer, start, n);
    }

    private String finish() {
        return tooLong ? "" : line.toString();
    }

    private boolean fill() throws IOException {
        if (ended) {
            return false;
        }
        int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) {
            ended = n < 0;
            position = 0;
            limit = 0;
            return !ended && fill();
        }
        position = 0;
        limit = n;
        return true;
    }
}
