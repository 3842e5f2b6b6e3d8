package org.smpolicy.io;

import java.util.ArrayList;
import java.util.List;

/**
 * Where lines end in bytes of JSON lines: at LF, CR or CR LF, as {@link java.io.BufferedReader#readLine}
 * ends them. The one rule for every reader and every counter of lines, so that what a limit counts
 * is what a reader reads.
 */
public final class LineBreaks {

    private LineBreaks() {
    }

    /**
     * @param b the bytes
     * @return how many line breaks they hold (CR LF is one)
     */
    public static int count(byte[] b) {
        int n = 0;
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '\n' || b[i] == '\r' && (i + 1 == b.length || b[i + 1] != '\n')) {
                n++;
            }
        }
        return n;
    }

    /**
     * @param b the bytes
     * @return each line as {@code {start, end}} (end exclusive, without its break), in order; text
     *         after the last break is a line, nothing after it is none
     */
    public static List<int[]> spans(byte[] b) {
        List<int[]> spans = new ArrayList<>();
        int begin = 0;
        for (int k = 0; k < b.length; k++) {
            if (b[k] == '\n' || b[k] == '\r') {
                spans.add(new int[] {begin, k});
                if (b[k] == '\r' && k + 1 < b.length && b[k + 1] == '\n') {
                    k++;
                }
                begin = k + 1;
            }
        }
        if (begin < b.length) {
            spans.add(new int[] {begin, b.length});
        }
        return spans;
    }
}
