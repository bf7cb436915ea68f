package org.roundtable.comment;

/**
 * One conversation under an article: the general discussion, or the one about a single proposal.
 * {@code key} is what URLs and forms use: {@code general} or {@code proposal-N}. The tallies count people by their
 * stance on a proposal (always 0 for the general discussion).
 */
public record Discussion(
        long id,
        long articleId,
        String key,
        int position,
        String title,
        String bodyMarkdown,
        boolean locked,
        int commentCount,
        int threadCount,
        int tallyFor,
        int tallyAgainst,
        int tallyUndecided) {

    public static final String GENERAL = "general";
    public static final String PROPOSAL_PREFIX = "proposal-";

    public static String proposalKey(int number) {
        return PROPOSAL_PREFIX + number;
    }

    public boolean isGeneral() {
        return GENERAL.equals(key);
    }

    /** Where the proposal stands, by its readers' stances. */
    public Tally tally() {
        return new Tally(tallyFor, tallyAgainst, tallyUndecided);
    }

    /** What pages call this discussion: "General discussion" or "Proposal 3: …". */
    public String label() {
        return label(position, title);
    }

    /** The label of the discussion at {@code position} (0 for the general one), wherever it is shown. */
    public static String label(int position, String title) {
        return position == 0 ? "General discussion" : "Proposal " + position + ": " + title;
    }
}
