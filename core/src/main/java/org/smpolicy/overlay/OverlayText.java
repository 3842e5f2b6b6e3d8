package org.smpolicy.overlay;

/** Small text helpers for overlay messages. */
final class OverlayText {

    private OverlayText() {
    }

    /** @return the 1-based line of the first line containing {@code token}, or 1 */
    static int lineOf(String text, String token) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(token)) {
                return i + 1;
            }
        }
        return 1;
    }

    /**
     * A name from an overlay, fit for a one-line message: control characters escaped, at most 60
     * characters.
     */
    static String safe(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length() && b.length() < 60; i++) {
            char c = s.charAt(i);
            b.append(c < 0x20 || c == 0x7f ? String.format("\\x%02x", (int) c) : String.valueOf(c));
        }
        return s.length() > 60 ? b + "..." : b.toString();
    }
}
