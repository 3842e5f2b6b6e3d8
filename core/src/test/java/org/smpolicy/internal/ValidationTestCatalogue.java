package org.smpolicy.internal;

import org.smpolicy.catalogue.ClauseCatalogue;

/** The test catalogue, for tests that need one. */
final class ValidationTestCatalogue {

    private ValidationTestCatalogue() {
    }

    static ClauseCatalogue get() {
        try {
            return ValidationTest.catalogue();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
