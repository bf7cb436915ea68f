package org.roundtable.history;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.unbescape.html.HtmlEscape;

/**
 * What changed between two versions of a text, as escaped HTML a person can read: words taken out in {@code <del>},
 * words put in in {@code <ins>}, each also named for screen readers. The texts are compared word by word, then
 * changes are joined where only spaces or a word or two stand between them, so a rewritten passage reads as one run
 * taken out and one run put in, rather than as old and new words glued together in turns ("am" and "was" side by
 * side, struck and underlined). Spaces at the edges of a change are left unmarked, and a space stands between what
 * was taken out and what was put in, so neither run touches the words around it.
 */
final class WordChanges {

    /** Unicode's spaces (a no-break space too), not only ASCII's: Persian and Urdu text is typed with them as well. */
    private static final Pattern WORD_EDGE = Pattern.compile("(?<=\\s)(?=\\S)|(?<=\\S)(?=\\s)", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern SPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

    private WordChanges() {}

    /**
     * A stretch of the text: the same in both versions, or changed, with what was taken out and what was put in
     * (either may be empty).
     */
    private record Stretch(boolean changed, List<String> removed, List<String> added) {

        static Stretch same(List<String> tokens) {
            return new Stretch(false, tokens, tokens);
        }

        /** How big a change is: the longer of its two sides, in words. */
        int words() {
            return Math.max(wordsIn(removed), wordsIn(added));
        }

        Stretch joinedWith(Stretch same, Stretch next) {
            return new Stretch(true, concat(removed, same.removed, next.removed), concat(added, same.added, next.added));
        }
    }

    /** {@code after} as escaped HTML, with what changed since {@code before} marked. */
    static String html(String before, String after) {
        var html = new StringBuilder();
        for (Stretch stretch : joined(stretches(tokens(before), tokens(after)))) {
            if (stretch.changed()) {
                appendChange(html, stretch);
            } else {
                html.append(escape(stretch.added()));
            }
        }
        return html.toString();
    }

    /** Words and the spaces between them, each a token, so that joined they are the text again. */
    private static List<String> tokens(String text) {
        return text.isEmpty() ? List.of() : List.of(WORD_EDGE.split(text));
    }

    /** The two versions as alternating stretches, the same and changed, word by word. */
    private static List<Stretch> stretches(List<String> from, List<String> to) {
        var stretches = new ArrayList<Stretch>();
        int next = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(from, to).getDeltas()) {
            int at = delta.getTarget().getPosition();
            if (at > next) {
                stretches.add(Stretch.same(to.subList(next, at)));
            }
            stretches.add(new Stretch(true, delta.getSource().getLines(), delta.getTarget().getLines()));
            next = at + delta.getTarget().size();
        }
        if (next < to.size()) {
            stretches.add(Stretch.same(to.subList(next, to.size())));
        }
        return stretches;
    }

    /**
     * Joins two changes with what stands between them when it is fewer words than each of them: only spaces always,
     * and the odd word a rewrite happens to keep ("the", "and") inside a longer one. A word kept between two one-word
     * changes stays unmarked, since each change reads well on its own.
     */
    private static List<Stretch> joined(List<Stretch> stretches) {
        var joined = new ArrayList<>(stretches);
        int i = 1;
        while (i < joined.size() - 1) {
            Stretch before = joined.get(i - 1);
            Stretch between = joined.get(i);
            Stretch after = joined.get(i + 1);
            int kept = wordsIn(between.added());
            if (!between.changed() && before.changed() && after.changed() && kept < before.words() && kept < after.words()) {
                joined.subList(i - 1, i + 2).clear();
                joined.add(i - 1, before.joinedWith(between, after));
                // The longer change may now also swallow what stands before it.
                i = Math.max(1, i - 2);
            } else {
                i++;
            }
        }
        return joined;
    }

    private static void appendChange(StringBuilder html, Stretch change) {
        List<String> removed = change.removed();
        List<String> added = change.added();
        String leading = leadingSpace(added.isEmpty() ? removed : added);
        String trailing = trailingSpace(added.isEmpty() ? removed : added);
        removed = withoutSpaceAtTheEdges(removed);
        added = withoutSpaceAtTheEdges(added);
        html.append(escape(leading));
        if (!removed.isEmpty()) {
            html.append("<del><span class=\"visually-hidden\">[removed: </span>").append(escape(removed))
                    .append("<span class=\"visually-hidden\">]</span></del>");
        }
        if (!removed.isEmpty() && !added.isEmpty()) {
            html.append(' ');
        }
        if (!added.isEmpty()) {
            html.append("<ins><span class=\"visually-hidden\">[added: </span>").append(escape(added))
                    .append("<span class=\"visually-hidden\">]</span></ins>");
        }
        html.append(escape(trailing));
    }

    private static String leadingSpace(List<String> tokens) {
        return !tokens.isEmpty() && isSpace(tokens.get(0)) ? tokens.get(0) : "";
    }

    private static String trailingSpace(List<String> tokens) {
        return tokens.size() > 1 && isSpace(tokens.get(tokens.size() - 1)) ? tokens.get(tokens.size() - 1) : "";
    }

    private static List<String> withoutSpaceAtTheEdges(List<String> tokens) {
        int from = 0;
        int to = tokens.size();
        if (from < to && isSpace(tokens.get(from))) {
            from++;
        }
        if (from < to && isSpace(tokens.get(to - 1))) {
            to--;
        }
        return tokens.subList(from, to);
    }

    private static boolean isSpace(String token) {
        return SPACE.matcher(token).matches();
    }

    private static int wordsIn(List<String> tokens) {
        return (int) tokens.stream().filter(token -> !isSpace(token)).count();
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        var all = new ArrayList<String>();
        for (List<String> part : parts) {
            all.addAll(part);
        }
        return all;
    }

    private static String escape(List<String> tokens) {
        return escape(String.join("", tokens));
    }

    private static String escape(String text) {
        return HtmlEscape.escapeHtml5Xml(text);
    }
}
