package org.roundtable.articlepage;

import org.roundtable.article.Article;
import org.roundtable.rendering.PageDescription;
import org.roundtable.summary.SummaryView;
import org.roundtable.threads.DiscussionView;

/**
 * A discussion on a page of its own: the proposal it is about (null for the general discussion), the moderators'
 * current summary of it (null when there is none), a page of its threads, and when they are only those of one stance,
 * how many comments those threads hold ({@code shownCount}; null when every thread is shown).
 */
public record DiscussionPage(Article article, String proposalHtml, SummaryView summary, DiscussionView view,
                             Integer shownCount) {

    /** What the heading counts: what the page shows ("3 of 12 comments" when filtered), and whether it is closed. */
    public String note() {
        return shownCount == null ? view.note() : view.note(shownCount);
    }

    /** What search engines show under its title: the proposal it discusses first, or the article's name. */
    public String description() {
        var discussion = view.discussion();
        String article = "\u201C" + this.article.title() + "\u201D";
        return PageDescription.of(discussion.isGeneral()
                ? "Readers discuss " + article + " as a whole: " + view.countLabel() + "."
                : heading() + ". Readers of " + article + " discuss this proposal and say where they stand.");
    }

    /** The heading, and past the first page which page this is, so each page has a title of its own. */
    public String title() {
        var pagination = view.pagination();
        return pagination == null || pagination.number() <= 1 ? heading()
                : heading() + " \u2014 page " + pagination.number() + " of " + pagination.total();
    }

    public String heading() {
        var discussion = view.discussion();
        return discussion.isGeneral()
                ? "General discussion of \u201C" + article.title() + "\u201D"
                : "Proposal " + discussion.position() + ": " + discussion.title();
    }
}
