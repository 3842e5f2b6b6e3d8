package org.smpolicy.text;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.smpolicy.catalogue.Clause;
import org.smpolicy.catalogue.ClauseCatalogue;
import org.smpolicy.decision.Decision;
import org.smpolicy.decision.Effect;
import org.smpolicy.decision.Finding;
import org.smpolicy.decision.Obligation;
import org.smpolicy.decision.Outcome;
import org.smpolicy.decision.Reliance;
import org.smpolicy.model.Role;

/**
 * A decision in words a head teacher reads: the outcome, each finding with its clause and what
 * the clause says, what to do, each duty with who owns it and when it is due in UK local time,
 * how long the answer holds and what it relied on. {@code smpolicy decide --format text} prints it.
 */
public final class DecisionText {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.UK);

    private DecisionText() {
    }

    /**
     * @param d         the decision
     * @param catalogue the clause catalogue, for what each clause says
     * @return the decision on several lines, ending with a newline
     */
    public static String render(Decision d, ClauseCatalogue catalogue) {
        StringBuilder sb = new StringBuilder();
        sb.append(headline(d.outcome())).append('\n');
        List<Finding> blocking = d.findings().stream().filter(f -> f.outcome() == Effect.DENY || f.outcome() == Effect.REVIEW).toList();
        List<Finding> advice = d.findings().stream().filter(f -> f.outcome() == Effect.ADVICE || f.outcome() == Effect.NOTE).toList();
        if (!blocking.isEmpty()) {
            sb.append("\nWhy:\n");
            blocking.forEach(f -> finding(sb, f, catalogue));
        }
        if (!d.questions().isEmpty()) {
            sb.append("\nWhat would settle it:\n");
            for (org.smpolicy.decision.Question q : d.questions()) {
                sb.append("  ").append(q.ask()).append(" (the answer that lets it go furthest: ")
                        .append(q.answer() == org.smpolicy.model.Answer.YES ? "yes" : "no").append(") [").append(q.path()).append("]\n");
                for (org.smpolicy.decision.Question a : q.alternatives()) {
                    sb.append("    or instead: ").append(a.ask()).append(" (").append(a.answer() == org.smpolicy.model.Answer.YES ? "yes" : "no")
                            .append(") [").append(a.path()).append("]\n");
                }
            }
            d.outcomeIfConfirmed().ifPresent(o -> sb.append("  With those answers the decision becomes ").append(o).append(".\n"));
        }
        if (!d.obligations().isEmpty()) {
            sb.append("\nWhat must happen:\n");
            for (Obligation o : d.obligations()) {
                sb.append("  ").append(owner(o.owner())).append(", by ").append(when(o.due().atZone(d.zone()))).append(": ")
                        .append(o.message()).append(" (clause ").append(o.clause()).append(")\n");
            }
        }
        if (!advice.isEmpty()) {
            sb.append("\nAdvice and notes:\n");
            advice.forEach(f -> finding(sb, f, catalogue));
        }
        d.change().ifPresent(c -> sb.append("\nThis answer holds until ").append(when(c.at().atZone(d.zone())))
                .append("; from then on it is ").append(c.outcome()).append(".\n"));
        if (!d.reliesOn().isEmpty()) {
            sb.append("\nIt relies on: ");
            List<String> facts = d.reliesOn().stream().map(DecisionText::fact).toList();
            sb.append(String.join("; ", facts)).append(".\n");
        }
        sb.append("\nDecided under ").append(d.profile().equals("baseline") ? "the Federation's baseline policy" : "the profile " + d.profile())
                .append(", policy version ").append(d.policyVersion()).append(".\n");
        return sb.toString();
    }

    private static String headline(Outcome o) {
        return switch (o) {
            case ALLOW -> "ALLOW: this may go ahead.";
            case REVIEW -> "REVIEW: a person must decide before this goes ahead.";
            case DENY -> "DENY: this must not go ahead.";
        };
    }

    private static void finding(StringBuilder sb, Finding f, ClauseCatalogue catalogue) {
        String summary = catalogue.clause(f.clause()).map(Clause::summary).orElse("");
        sb.append("  ").append(f.outcome()).append(", clause ").append(String.join(", ", f.clauses()))
                .append(summary.isEmpty() ? "" : " (" + summary + ")").append(":\n");
        sb.append("    ").append(capital(f.message())).append(".\n");
        f.remedy().ifPresent(r -> sb.append("    What to do: ").append(r).append(".\n"));
    }

    private static String owner(Role r) {
        return switch (r) {
            case SLT -> "The SLT";
            case ADMINISTRATOR -> "The account's administrator";
            case ACCOUNT_RUNNERS -> "The account's runners";
            case STAFF_MEMBER -> "The member of staff";
        };
    }

    private static String fact(Reliance r) {
        return switch (r.fact()) {
            case CONSENT -> r.ref() + "'s consent for " + r.channel().name().toLowerCase(Locale.ROOT).replace('_', ' ');
            case NOT_ON_NO_PUBLISH_LIST -> r.ref() + " not being on the no-publish list";
            case NOT_ASKED_NOT_TO_BE_FILMED -> r.ref() + " not having asked not to be filmed";
            case RUNNER -> r.ref() + " being a named, trained runner";
        };
    }

    /** @return the time in UK words, e.g. "Monday 30 November 2026, 17:00 (UK time)" */
    static String when(ZonedDateTime t) {
        return WHEN.format(t) + (t.getZone().getId().equals("Europe/London") ? " (UK time)" : " (" + t.getZone().getId() + ")");
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
