package org.roundtable.threads;

import java.util.List;

/**
 * Where a page of a discussion sits among its pages: "page {@code number} of {@code total}", the previous and
 * next pages (null at either end), and links to the first, nearby and last pages, with {@code null} entries
 * where pages are left out between them.
 */
public record Pagination(int number, int total, PageLink previous, PageLink next, List<PageLink> pages) {

    /** A link to page {@code number}; {@code current} marks the page being read. */
    public record PageLink(int number, String href, boolean current) {}

    public boolean hasSeveralPages() {
        return total > 1;
    }
}
