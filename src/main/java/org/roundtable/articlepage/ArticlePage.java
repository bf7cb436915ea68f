package org.roundtable.articlepage;

import java.util.List;
import org.roundtable.article.Article;
import org.roundtable.comment.Tally;
import org.roundtable.summary.SummaryView;
import org.roundtable.threads.DiscussionView;

/** Everything the article page shows, already rendered to safe HTML where it holds Markdown. */
public record ArticlePage(
        Article article,
        String leadHtml,
        List<TocEntry> contents,
        List<ProposalView> proposals,
        String closingHtml,
        DiscussionView general) {

    /**
     * One proposal: its number, the heading summarising it, its text, its discussion and the moderators' current
     * summary of it (null until they write one).
     */
    public record ProposalView(int number, String title, String bodyHtml, DiscussionView discussion, SummaryView summary) {

        public String anchor() {
            return "proposal-" + number;
        }
    }

    /**
     * A line of the table of contents; {@code note} is a comment count, {@code tally} where a proposal stands and
     * {@code discussion} the discussion it leads to, where the entry has them (null otherwise).
     */
    public record TocEntry(String href, String title, String note, Tally tally, DiscussionView discussion,
                           List<TocEntry> children) {}

    public String generalHeading() {
        return general.thoughtsHeading(article.title());
    }
}
