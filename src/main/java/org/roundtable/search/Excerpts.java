package org.roundtable.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.roundtable.comment.SearchWords;
import org.unbescape.html.HtmlEscape;

/**
 * A few lines of a found comment's plain text around the first word searched for, escaped, with the words that
 * matched (as they were written, accents and all) in {@code <mark>}.
 */
final class Excerpts {

    /** How many characters of text come before the first match, and at most in all. */
    static final int BEFORE = 80;
    static final int LENGTH = 280;

    private Excerpts() {}

    private record Run(int start, int end, boolean matches) {}

    static String of(String text, Set<String> searched) {
        List<Run> runs = new ArrayList<>();
        SearchWords.forEachRun(text, (start, end) -> runs.add(new Run(start, end,
                SearchWords.normalised(text.substring(start, end)).stream().anyMatch(searched::contains))));
        int first = runs.stream().filter(Run::matches).mapToInt(Run::start).findFirst().orElse(0);
        int from = wordStartBefore(runs, first - BEFORE, first);
        int to = Math.min(text.length(), from + LENGTH);
        var html = new StringBuilder(from > 0 ? "…" : "");
        int at = from;
        for (Run run : runs) {
            if (!run.matches() || run.end() <= from || run.start() >= to) {
                continue;
            }
            int start = Math.max(run.start(), from);
            int end = Math.min(run.end(), to);
            html.append(escape(text.substring(at, start))).append("<mark>").append(escape(text.substring(start, end))).append("</mark>");
            at = end;
        }
        html.append(escape(text.substring(at, to)));
        return html.append(to < text.length() ? "…" : "").toString();
    }

    /** The start of the first word at or after {@code wanted} (0 at the text's start), and never after {@code limit}. */
    private static int wordStartBefore(List<Run> runs, int wanted, int limit) {
        if (wanted <= 0) {
            return 0;
        }
        return runs.stream().mapToInt(Run::start).filter(start -> start >= wanted && start <= limit).findFirst().orElse(limit);
    }

    private static String escape(String text) {
        return HtmlEscape.escapeHtml5Xml(text);
    }
}
