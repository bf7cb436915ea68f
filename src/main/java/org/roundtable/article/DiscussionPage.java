package org.roundtable.article;

import org.roundtable.discussion.DiscussionView;

/**
 * A discussion on a page of its own: the proposal it is about (null for the general discussion) and a page of
 * its threads.
 */
public record DiscussionPage(Article article, String proposalHtml, DiscussionView view) {

    public String heading() {
        var discussion = view.discussion();
        return discussion.isGeneral()
                ? "General discussion of \u201C" + article.title() + "\u201D"
                : "Proposal " + discussion.position() + ": " + discussion.title();
    }
}
