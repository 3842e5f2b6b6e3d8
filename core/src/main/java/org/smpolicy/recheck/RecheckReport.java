package org.smpolicy.recheck;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.smpolicy.decision.Decision;
import org.smpolicy.decision.Outcome;
import org.smpolicy.model.Role;

/**
 * What a re-check found: every published item that the changes touch and whose decision is now
 * more restrictive, with the decision now and the duties it brings.
 *
 * @param at       the instant of the re-check
 * @param items    how many published items were given
 * @param touched  how many of them a change touched (only those were decided again)
 * @param reported the items to act on, in register order
 */
public record RecheckReport(Instant at, long items, long touched, List<Item> reported) {

    /** Copies. */
    public RecheckReport {
        reported = List.copyOf(reported);
    }

    /**
     * One item to act on.
     *
     * @param id          the item's id
     * @param account     the account it went out on
     * @param publishedAt when it went out
     * @param changes     the changes that touch it, by their position in the change list (from 1)
     * @param before      its outcome when it was published
     * @param decision    its decision now, with the changes applied
     * @param duties      what must happen, by whom and by when
     */
    public record Item(String id, String account, Instant publishedAt, List<Integer> changes, Outcome before,
                       Decision decision, List<Duty> duties) {
        /** Copies. */
        public Item {
            changes = List.copyOf(changes);
            duties = List.copyOf(duties);
        }

        /** @return whether the item must come down */
        public boolean mustComeDown() {
            return duties.stream().anyMatch(d -> d.action().equals(Duty.TAKE_DOWN));
        }
    }

    /**
     * A duty a change brings to published content.
     *
     * @param owner  who must act
     * @param action {@link #TAKE_DOWN}, {@link #REVIEW_PUBLISHED} or {@link #REASSIGN_CONTENT}
     * @param due    by when
     * @param why    in words a head teacher reads
     */
    public record Duty(Role owner, String action, Instant due, String why) {
        /** Remove the item from the account. */
        public static final String TAKE_DOWN = "TAKE_DOWN";
        /** A person decides whether the item may stay. */
        public static final String REVIEW_PUBLISHED = "REVIEW_PUBLISHED";
        /** Another runner takes over managing the item (4.a.iii.3). */
        public static final String REASSIGN_CONTENT = "REASSIGN_CONTENT";
    }

    /** @return whether any item must come down (a nightly job alerts on it) */
    public boolean anyMustComeDown() {
        return reported.stream().anyMatch(Item::mustComeDown);
    }

    /** @return the reported items' ids by account, accounts in order */
    public Map<String, List<String>> byAccount() {
        Map<String, List<String>> out = new TreeMap<>();
        reported.forEach(i -> out.computeIfAbsent(i.account(), k -> new java.util.ArrayList<>()).add(i.id()));
        return out;
    }

    /** @return the reported items' ids by the change (its position, from 1) that touches them */
    public Map<Integer, List<String>> byChange() {
        Map<Integer, List<String>> out = new TreeMap<>();
        reported.forEach(i -> i.changes().forEach(c -> out.computeIfAbsent(c, k -> new java.util.ArrayList<>()).add(i.id())));
        return out;
    }
}
