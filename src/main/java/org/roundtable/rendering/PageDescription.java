package org.roundtable.rendering;

import org.roundtable.comment.Text;

/**
 * The words of a page's {@code <meta name="description">}, which search engines show under its title: plain text
 * on one line, cut at a word before {@value #LONGEST} characters (about what they show), with an ellipsis. Pages
 * that set none get the site's own (see web/layout.html).
 */
public final class PageDescription {

    static final int LONGEST = 160;

    /** {@code words} made a description; null when there are none, so the page falls back to the site's. */
    public static String of(String words) {
        // Alone on a line of the page's head, a direction control would reorder whatever a search engine shows after it.
        String line = words == null ? "" : Text.withoutDirectionControls(words).replaceAll("\\s+", " ").strip();
        if (line.isEmpty()) {
            return null;
        }
        if (line.codePointCount(0, line.length()) <= LONGEST) {
            return line;
        }
        String cut = line.substring(0, line.offsetByCodePoints(0, LONGEST - 1));
        int lastSpace = cut.lastIndexOf(' ');
        // One long word (a web address, say) is cut where it reaches the limit.
        return (lastSpace > LONGEST / 2 ? cut.substring(0, lastSpace) : cut).strip() + "\u2026";
    }

    private PageDescription() {}
}
