package org.smpolicy;

import org.smpolicy.catalogue.ClauseCatalogue;

/** The test catalogue, for tests that need one. */
public final class ValidationTestCatalogue {

    private ValidationTestCatalogue() {
    }

    public static ClauseCatalogue get() {
        try {
            return ValidationTest.catalogue();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
