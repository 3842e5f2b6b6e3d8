package org.smpolicy.recheck;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Which lines of a published register a set of changes can touch, told without reading the
 * lines in full: a re-check of 100,000 published posts against a few changes then binds and
 * validates only the lines that name a changed person (docs/performance.md).
 *
 * <p>A change touches an item through the references it relied on: the people in its images and
 * the runner who posted it, each a JSON string in the line. A line is read in full when one of its
 * strings is a changed reference, and also whenever this scan cannot vouch for it: a string with
 * an escape (a reference could be written with escaped characters), a line that is not one balanced
 * object, or one with no {@code "type": "publish"}. Any other line no change can touch is
 * counted and left unread, so a field error in it is not reported until a change names it.
 */
public final class RegisterLines {

    /** Bits of the references' hash codes: a string whose bit is clear is no reference, and no String is made for it. */
    private static final int HASH_BITS = (1 << 16) - 1;

    private final Set<String> refs;
    private final java.util.BitSet lengths = new java.util.BitSet();
    private final java.util.BitSet hashes = new java.util.BitSet(HASH_BITS + 1);

    private RegisterLines(Set<String> refs) {
        this.refs = Set.copyOf(refs);
        refs.forEach(r -> {
            lengths.set(r.length());
            hashes.set(r.hashCode() & HASH_BITS);
        });
    }

    /**
     * @param refs the references the changes name
     * @return the filter for those references
     */
    public static RegisterLines naming(java.util.Collection<String> refs) {
        return new RegisterLines(new java.util.HashSet<>(refs));
    }

    /**
     * @param line a line of the register, not blank
     * @return whether the line must be read in full
     */
    public boolean mustRead(String line) {
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        return mustRead(b, 0, b.length);
    }

    /**
     * The same test on a line's UTF-8 bytes, so that a register is split and filtered before any
     * line is decoded; a line with a byte outside ASCII is always read in full.
     *
     * @param b    the bytes
     * @param from where the line starts
     * @param to   where it ends (exclusive), without its line break
     * @return whether the line must be read in full
     */
    public boolean mustRead(byte[] b, int from, int to) {
        while (from < to && b[from] >= 0 && Character.isWhitespace((char) b[from])) {
            from++;
        }
        while (to > from && b[to - 1] >= 0 && Character.isWhitespace((char) b[to - 1])) {
            to--;
        }
        if (to - from < 2 || b[from] != '{' || b[to - 1] != '}') {
            return true;
        }
        int depth = 0;
        boolean publish = false;
        int start = -1;
        int hash = 0;
        int previousStart = -1;
        int previousEnd = -1;
        for (int k = from; k < to; k++) {
            byte c = b[k];
            if (c < 0 || c == '\\') {
                return true;
            }
            if (start >= 0) {
                if (c == '"') {
                    int length = k - start - 1;
                    // The hash is String.hashCode's over these ASCII bytes.
                    if (lengths.get(length) && hashes.get(hash & HASH_BITS)
                            && refs.contains(new String(b, start + 1, length, StandardCharsets.ISO_8859_1))) {
                        return true;
                    }
                    publish |= length == 7 && is(b, start + 1, PUBLISH) && previousEnd - previousStart == 5 && is(b, previousStart + 1, TYPE)
                            && onlyAColon(b, previousEnd + 1, start);
                    previousStart = start;
                    previousEnd = k;
                    start = -1;
                } else {
                    hash = 31 * hash + c;
                }
            } else if (c == '"') {
                start = k;
                hash = 0;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                if (--depth < 0 || depth == 0 && k != to - 1) {
                    return true;
                }
            }
        }
        return start >= 0 || depth != 0 || !publish;
    }

    private static final byte[] PUBLISH = "publish".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TYPE = "type".getBytes(StandardCharsets.US_ASCII);

    private static boolean is(byte[] b, int at, byte[] word) {
        return java.util.Arrays.equals(b, at, at + word.length, word, 0, word.length);
    }

    private static boolean onlyAColon(byte[] b, int from, int to) {
        int colons = 0;
        for (int k = from; k < to; k++) {
            if (b[k] == ':') {
                colons++;
            } else if (!Character.isWhitespace((char) b[k])) {
                return false;
            }
        }
        return colons == 1;
    }
}
