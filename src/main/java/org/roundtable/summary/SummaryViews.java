package org.roundtable.summary;

import org.roundtable.comment.CommentPaths;
import org.roundtable.rendering.CommentMarkdown;
import org.roundtable.rendering.Formats;

/** Renders summaries for pages, with the same safe Markdown as comments. */
public final class SummaryViews {

    private final CommentMarkdown markdown;
    private final Formats formats;

    public SummaryViews(CommentMarkdown markdown, Formats formats) {
        this.markdown = markdown;
        this.formats = formats;
    }

    public SummaryView view(Summary summary, String articleSlug, String discussionKey) {
        return new SummaryView(markdown.toHtml(summary.bodyMarkdown()), Formats.iso(summary.createdAt()),
                formats.readable(summary.createdAt()), summary.writtenBy(), historyPath(articleSlug, discussionKey));
    }

    /** The list of a proposal's summary revisions. */
    public static String historyPath(String articleSlug, String discussionKey) {
        return CommentPaths.discussion(articleSlug, discussionKey) + "/summary";
    }

    /** One revision of a proposal's summary. */
    public static String revisionPath(String articleSlug, String discussionKey, long id) {
        return historyPath(articleSlug, discussionKey) + "/" + id;
    }
}
