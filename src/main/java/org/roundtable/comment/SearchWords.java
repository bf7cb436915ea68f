package org.roundtable.comment;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;

/**
 * The words a comment is found by, normalised here, the same way for the text stored and for what readers search
 * for, so that SQLite and PostgreSQL find the same comments: compatibility forms folded (NFKC), Arabic yeh and kaf
 * written as Persian's, joiners and tatweel dropped (so a Persian word matches with or without its ZWNJ), accents
 * and vowel marks dropped, lower case; then split into runs of letters and digits, one space between them, so
 * that neither engine's own idea of a word matters.
 */
public final class SearchWords {

    /**
     * Which rules made the words stored: change it with the rules, and SearchBackfill makes every comment's words
     * again at the next start, so that old comments are found by what readers type now.
     */
    public static final String VERSION = "1";

    /** The longest word kept whole: anything longer is no word anyone searches for. */
    static final int LONGEST_WORD = 100;

    private static final int ZWNJ = 0x200C;
    private static final int ZWJ = 0x200D;
    private static final int TATWEEL = 0x0640;
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{Nd}]+");

    private SearchWords() {}

    /** What a comment's search column holds: its words, normalised, separated by single spaces. */
    public static String of(String text) {
        return String.join(" ", words(text));
    }

    /** The normalised words of {@code text}, in order. */
    public static List<String> words(String text) {
        var words = new ArrayList<String>();
        forEachRun(text, (start, end) -> words.addAll(normalised(text.substring(start, end))));
        return words;
    }

    /** The normalised words one run of word characters stands for (usually one; none for a run of marks alone). */
    public static List<String> normalised(String run) {
        String folded = Normalizer.normalize(run, Normalizer.Form.NFKC);
        var plain = new StringBuilder(folded.length());
        folded.codePoints().forEach(cp -> {
            switch (cp) {
                case 0x064A, 0x0649 -> plain.append('\u06CC'); // Arabic yeh and alef maksura: Persian yeh
                case 0x0643 -> plain.append('\u06A9'); // Arabic kaf: Persian keheh
                case 0x03C2 -> plain.append('\u03C3'); // Greek final sigma: sigma
                case ZWNJ, ZWJ, TATWEEL -> { }
                default -> plain.appendCodePoint(cp);
            }
        });
        String bare = MARKS.matcher(Normalizer.normalize(plain, Normalizer.Form.NFD)).replaceAll("");
        String lower = Normalizer.normalize(bare, Normalizer.Form.NFC).toLowerCase(Locale.ROOT).replace('\u03C2', '\u03C3');
        var words = new ArrayList<String>();
        for (String word : NOT_WORD.split(lower)) {
            if (!word.isEmpty()) {
                words.add(word.length() > LONGEST_WORD ? word.substring(0, LONGEST_WORD) : word);
            }
        }
        return words;
    }

    /** Where a run of word characters starts and ends in a text. */
    public interface RunConsumer {
        void accept(int start, int end);
    }

    /**
     * Each run of characters that belong to words (letters, digits, their marks, joiners, tatweel) in {@code text},
     * by position, so that an excerpt can mark the words as they were written.
     */
    public static void forEachRun(String text, RunConsumer consumer) {
        IntPredicate partOfWord = cp -> Character.isLetterOrDigit(cp) || cp == ZWNJ || cp == ZWJ || cp == TATWEEL
                || Character.getType(cp) == Character.NON_SPACING_MARK
                || Character.getType(cp) == Character.COMBINING_SPACING_MARK
                || Character.getType(cp) == Character.ENCLOSING_MARK;
        int start = -1;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (partOfWord.test(cp)) {
                if (start < 0) {
                    start = i;
                }
            } else if (start >= 0) {
                consumer.accept(start, i);
                start = -1;
            }
            i += Character.charCount(cp);
        }
        if (start >= 0) {
            consumer.accept(start, text.length());
        }
    }
}
