package org.smpolicy.io;

import java.io.IOException;
import java.io.InputStream;
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
     * The whole-text split that {@link #chunks} is held to by the tests.
     *
     * @param b the bytes
     * @return each line as {@code {start, end}} (end exclusive, without its break), in order; text
     *         after the last break is a line, nothing after it is none
     */
    static List<int[]> spans(byte[] b) {
        return spans(b, b.length);
    }

    private static List<int[]> spans(byte[] b, int length) {
        List<int[]> spans = new ArrayList<>();
        int begin = 0;
        for (int k = 0; k < length; k++) {
            if (b[k] == '\n' || b[k] == '\r') {
                spans.add(new int[] {begin, k});
                if (b[k] == '\r' && k + 1 < length && b[k + 1] == '\n') {
                    k++;
                }
                begin = k + 1;
            }
        }
        if (begin < length) {
            spans.add(new int[] {begin, length});
        }
        return spans;
    }

    /** What takes each chunk's whole lines. */
    @FunctionalInterface
    public interface Lines {
        /**
         * @param b         the chunk's bytes, valid only during the call
         * @param spans     each whole line in it as {@code {start, end}}, as {@link #spans(byte[])} gives them
         * @param firstLine the number of the first of them in the stream (1 for the first line)
         */
        void take(byte[] b, List<int[]> spans, long firstLine);
    }

    /**
     * Reads a stream a chunk at a time and hands over its whole lines, numbered, as
     * {@link #spans(byte[])} would split the whole stream: a 75 MB register is then read through
     * one buffer rather than copied into a fresh array as large as the file, which in a new JVM
     * cost more than scanning it (docs/performance.md). A line longer than the buffer grows it.
     *
     * @param in    the stream, read to its end
     * @param chunk the buffer's first size in bytes
     * @param lines takes each chunk's lines, in order
     * @throws IOException when the stream cannot be read
     */
    public static void chunks(InputStream in, int chunk, Lines lines) throws IOException {
        byte[] b = new byte[Math.max(2, chunk)];
        int length = 0;
        long next = 1;
        while (true) {
            length += in.readNBytes(b, length, b.length - length);
            boolean end = length < b.length;
            int cut = end ? length : cut(b, length);
            if (cut == 0 && !end) {
                b = java.util.Arrays.copyOf(b, Math.multiplyExact(b.length, 2));
                continue;
            }
            List<int[]> spans = spans(b, cut);
            lines.take(b, spans, next);
            next += spans.size();
            if (end) {
                return;
            }
            System.arraycopy(b, cut, b, 0, length - cut);
            length -= cut;
        }
    }

    /**
     * @return where the whole lines of a full buffer end: after its last break but the final byte
     *         (a CR there may be the first half of a CR LF), 0 when there is none
     */
    private static int cut(byte[] b, int length) {
        for (int k = length - 2; k >= 0; k--) {
            if (b[k] == '\n' || b[k] == '\r') {
                return b[k] == '\r' && b[k + 1] == '\n' ? k + 2 : k + 1;
            }
        }
        return 0;
    }
}
