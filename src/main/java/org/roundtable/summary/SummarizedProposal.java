package org.roundtable.summary;

import org.roundtable.comment.CommentPaths;
import org.roundtable.comment.Discussion;

/** The proposal a summary's pages are about: its discussion, and the article it belongs to. */
public record SummarizedProposal(long discussionId, String articleSlug, String key, int position, String title) {

    /** "Proposal 3: …", as every page names it. */
    public String label() {
        return Discussion.label(position, title);
    }

    /** The proposal's discussion page. */
    public String discussionPath() {
        return CommentPaths.discussion(articleSlug, key);
    }
}
