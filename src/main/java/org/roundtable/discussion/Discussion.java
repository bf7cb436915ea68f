package org.roundtable.discussion;

/**
 * One conversation under an article: the general discussion, or the one about a single proposal.
 * {@code key} is what URLs and forms use: {@code general} or {@code proposal-N}.
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
        int threadCount) {

    public static final String GENERAL = "general";

    public static String proposalKey(int number) {
        return "proposal-" + number;
    }

    public boolean isGeneral() {
        return GENERAL.equals(key);
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
