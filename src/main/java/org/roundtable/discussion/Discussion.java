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
        int commentCount) {

    public static final String GENERAL = "general";

    public static String proposalKey(int number) {
        return "proposal-" + number;
    }

    public boolean isGeneral() {
        return GENERAL.equals(key);
    }
}
