package org.smpolicy.decision;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Clause ids as the policy numbers them ({@code 11.b}, {@code 12.b.i}, {@code 4.a.ii.4}, ranges
 * such as {@code 5.a.i-iii}) and the {@code @clause} metadata that lists them.
 */
public final class ClauseIds {

    private static final Pattern SEGMENT = Pattern.compile("[^0-9a-zA-Z]+");
    private static final Pattern ROMAN = Pattern.compile("[ivx]+");

    /**
     * Orders clause ids as they stand in the document: {@code 4.a.ii.4 < 6 < 11.b < 12.b.iv < 12.b.ix}.
     */
    public static final Comparator<String> COMPARATOR = ClauseIds::compare;

    private ClauseIds() {
    }

    /**
     * Splits {@code @clause} metadata into ids. Ids are separated by commas; a part that starts
     * with a letter continues the previous id, so {@code "14.a, c-j"} stays one id.
     *
     * @param metadata the metadata value, e.g. {@code "3.a, 12.a.i"}
     * @return the ids in the order given; empty when the value is blank
     */
    public static List<String> parse(String metadata) {
        List<String> ids = new ArrayList<>();
        if (metadata == null || metadata.isBlank()) {
            return ids;
        }
        for (String part : unquote(metadata.strip()).split(",")) {
            String id = part.strip();
            if (id.isEmpty()) {
                continue;
            }
            if (!ids.isEmpty() && Character.isLetter(id.charAt(0))) {
                ids.set(ids.size() - 1, ids.get(ids.size() - 1) + ", " + id);
            } else {
                ids.add(id);
            }
        }
        return ids;
    }

    /**
     * Drools keeps the quotes of annotation values in some builds ({@code "11.b"}) and strips
     * them in others; metadata is read the same way either way.
     *
     * @param value a metadata value
     * @return the value without surrounding double quotes
     */
    public static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
    }

    private static int compare(String a, String b) {
        if (a.equals(b)) {
            return 0;
        }
        Key x = key(a);
        Key y = key(b);
        for (int i = 0; i < Math.min(x.segments.length, y.segments.length); i++) {
            int c = Long.compare(x.ranks[i], y.ranks[i]);
            if (c == 0) {
                c = x.segments[i].compareTo(y.segments[i]);
            }
            if (c != 0) {
                return c;
            }
        }
        int c = Integer.compare(x.segments.length, y.segments.length);
        return c != 0 ? c : a.compareTo(b);
    }

    /** A clause id split and ranked once: every decision sorts its findings by clause. */
    private record Key(String[] segments, long[] ranks) {
    }

    // Rules cite a few hundred ids at most; the bound only guards against a caller inventing ids.
    private static final int MAX_KEYS = 10_000;
    private static final java.util.concurrent.ConcurrentHashMap<String, Key> KEYS = new java.util.concurrent.ConcurrentHashMap<>();

    private static Key key(String id) {
        Key k = KEYS.get(id);
        if (k == null) {
            String[] segments = SEGMENT.split(id);
            long[] ranks = new long[segments.length];
            for (int i = 0; i < segments.length; i++) {
                ranks[i] = rank(segments[i], i);
            }
            k = new Key(segments, ranks);
            if (KEYS.size() < MAX_KEYS) {
                KEYS.putIfAbsent(id, k);
            }
        }
        return k;
    }

    // The document numbers clauses number.letter.roman.number: 12.b.iv, 4.a.ii.4.
    private static long rank(String segment, int level) {
        if (segment.isEmpty()) {
            return -1;
        }
        if (segment.chars().allMatch(Character::isDigit)) {
            return segment.length() > 9 ? Long.MAX_VALUE : Long.parseLong(segment);
        }
        if (level == 2 && ROMAN.matcher(segment).matches()) {
            return roman(segment);
        }
        return segment.charAt(0);
    }

    private static long roman(String s) {
        int total = 0;
        int prev = 0;
        for (int i = s.length() - 1; i >= 0; i--) {
            int v = switch (s.charAt(i)) {
                case 'i' -> 1;
                case 'v' -> 5;
                default -> 10;
            };
            total += v < prev ? -v : v;
            prev = Math.max(prev, v);
        }
        return total;
    }
}
