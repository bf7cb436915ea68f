package org.roundtable.comparison;

import org.roundtable.comment.Tally;
import org.roundtable.summary.SummaryView;

/**
 * One proposal as the comparison shows it: where readers stand, how many took part, the strongest argument each
 * way (null when nobody argued that way), the moderators' current summary (null until written), and when the discussion last moved ({@code lastActivity} null, and its
 * text "No comments yet", when it never did).
 */
public record ProposalComparison(
        int number,
        String title,
        String articleAnchor,
        String discussionPath,
        Tally tally,
        int participants,
        Argument strongestFor,
        Argument strongestAgainst,
        SummaryView summary,
        String lastActivityIso,
        String lastActivity) {

    /**
     * A top-level comment shown as an argument: who made it, its opening words, how many people took part in its
     * thread, how many readers found it helpful, its thread's replies, its page.
     */
    public record Argument(String author, String excerpt, long people, int helpful, long replies, String path) {

        /** "1 person took part" or "N people took part", which is what made it the strongest. */
        public String peopleLabel() {
            return people == 1 ? "1 person took part" : people + " people took part";
        }

        /** "2 replies", or "3 found it helpful · 2 replies" once readers marked it. */
        public String repliesLabel() {
            String replied = replies == 1 ? "1 reply" : replies + " replies";
            return helpful == 0 ? replied : helpful + " found it helpful · " + replied;
        }
    }
}
