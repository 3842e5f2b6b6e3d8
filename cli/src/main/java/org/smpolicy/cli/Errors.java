package org.smpolicy.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import org.smpolicy.diagnostic.PolicyException;

/** Turns exceptions into the one-line messages the command line prints. */
final class Errors {

    private Errors() {
    }

    static String describe(Throwable ex) {
        Throwable t = ex instanceof UncheckedIOException u ? u.getCause() : ex;
        if (t instanceof NoSuchFileException n) {
            return "no such file `" + n.getFile() + "`";
        }
        if (t instanceof IOException io) {
            return "cannot read: " + io.getMessage();
        }
        if (t instanceof PolicyException p) {
            return p.getMessage().replace('\n', ' ');
        }
        return "internal error (" + t.getClass().getSimpleName() + "): " + String.valueOf(t.getMessage()).replace('\n', ' ');
    }
}
