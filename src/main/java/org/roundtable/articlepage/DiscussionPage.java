package org.roundtable.articlepage;

import org.roundtable.article.Article;
import org.roundtable.summary.SummaryView;
import org.roundtable.threads.DiscussionView;

/**
 * A discussion on a page of its own: the proposal it is about (null for the general discussion), the moderators'
 * current summary of it (null when there is none) and a page of its threads.
 */
public record DiscussionPage(Article article, String proposalHtml, SummaryView summary, DiscussionView view) {

    public String heading() {
        var discussion = view.discussion();
        return discussion.isGeneral()
                ? "General discussion of \u201C" + article.title() + "\u201D"
                : "Proposal " + discussion.position() + ": " + discussion.title();
    }
}
