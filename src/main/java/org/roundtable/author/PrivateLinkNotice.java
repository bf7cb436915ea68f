package org.roundtable.author;

/**
 * A new author's private link, waiting in their browser to be seen beside the comment that brought it.
 * {@code url} is the full address of their private page.
 */
public record PrivateLinkNotice(long commentId, String url) {

    /** Where a browser that posted comments gets a new private link (the old one then stops working). */
    public static final String RENEWAL_PATH = "/authors/new-link";
}
