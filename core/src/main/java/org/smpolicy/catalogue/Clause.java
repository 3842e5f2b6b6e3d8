package org.smpolicy.catalogue;

import java.util.Objects;

/**
 * One entry of the clause catalogue.
 *
 * @param id        the clause id as the policy numbers it, e.g. {@code 12.b.i}
 * @param summary   what the clause says, in short
 * @param treatment how the library treats it
 * @param note      how the treatment is carried out, or why no rule is needed
 */
public record Clause(String id, String summary, Treatment treatment, String note) {

    /** Validates. */
    public Clause {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(treatment, "treatment");
        note = note == null ? "" : note;
    }
}
