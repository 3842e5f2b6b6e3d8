package org.smpolicy.io;

/**
 * Limits the JSON reader enforces before a request reaches the rules.
 *
 * @param maxDocumentBytes largest request document, in bytes (default 1 MiB)
 * @param maxDepth         deepest nesting of objects and arrays (default 32)
 * @param maxStringLength  longest string value, in characters (default 100,000)
 */
public record JsonLimits(int maxDocumentBytes, int maxDepth, int maxStringLength) {

    /** The defaults: 1 MiB, depth 32, strings up to 100,000 characters. */
    public static final JsonLimits DEFAULTS = new JsonLimits(1 << 20, 32, 100_000);

    /** Validates. */
    public JsonLimits {
        if (maxDocumentBytes < 64 || maxDepth < 4 || maxStringLength < 16) {
            throw new IllegalArgumentException("limits too small to read any request: " + maxDocumentBytes + " bytes, depth "
                    + maxDepth + ", strings " + maxStringLength);
        }
    }
}
