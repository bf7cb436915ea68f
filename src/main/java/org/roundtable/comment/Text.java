package org.roundtable.comment;

import java.text.Normalizer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How typed text is cleaned before it is stored; what is stored is then exactly what is shown, escaped.
 * Text is put in Unicode normal form C, browsers' CRLF line breaks become LF, and invisible control
 * characters (all but newline and tab) are removed, as are the characters XML forbids, so that every comment
 * can be written into a feed. Direction overrides and embeddings are removed too: an override makes the words
 * after it read in the order it forces (a "Trojan Source" spoof of what someone wrote), and wherever a comment is
 * quoted within a line (the queue, a report, search results) it would reach past the quote. Isolates and the
 * direction marks, which is how Persian and Urdu writers set an English word or a number in place, are kept.
 */
public final class Text {

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cs}\\uFFFE\\uFFFF&&[^\\n\\t]]");
    /** What XML 1.0 (and so an Atom feed) cannot hold: controls but tab and line breaks, U+FFFE, U+FFFF, lone surrogates. */
    private static final Pattern XML_FORBIDDEN = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF\\p{Cs}]");
    /**
     * Characters that reorder the text around them (embeddings, overrides, isolates, marks). A name is shown
     * in the middle of a line, so these could make the rest of the line read backwards; bodies keep the isolates
     * and marks (see {@link #OVERRIDE}), since a comment is a block of its own.
     */
    private static final Pattern BIDI_CONTROL = Pattern.compile("[\\u202A-\\u202E\\u2066-\\u2069\\u200E\\u200F\\u061C]");
    /** Embeddings and overrides (LRE, RLE, PDF, LRO, RLO): the Unicode bidi algorithm's own advice is isolates instead. */
    private static final Pattern OVERRIDE = Pattern.compile("[\\u202A-\\u202E]");

    /**
     * Marks stacked on one letter beyond the few any script needs (Persian and Urdu use one to three): a pile of
     * hundreds draws over the lines around it.
     */
    private static final Pattern MARK_PILE = Pattern.compile("(\\p{M}{" + Text.MOST_MARKS + "})\\p{M}+");
    static final int MOST_MARKS = 6;
    /** What draws nothing: format characters, marks with no letter, and the fillers that look like a space. */
    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cf}\\p{M}\\p{Z}\\s\\u3164\\u115F\\u1160\\uFFA0\\u2800]*");

    public static String body(String typed) {
        String text = Normalizer.normalize(typed.replace("\r\n", "\n").replace('\r', '\n'), Normalizer.Form.NFC);
        text = OVERRIDE.matcher(CONTROL.matcher(text).replaceAll("")).replaceAll("");
        return MARK_PILE.matcher(text).replaceAll("$1").strip();
    }

    /** A name is one line, with no direction controls; one that draws nothing becomes "Anonymous". */
    public static String name(String typed) {
        String name = Normalizer.normalize(typed, Normalizer.Form.NFC);
        name = BIDI_CONTROL.matcher(name).replaceAll("");
        name = name.replaceAll("[\\p{Cc}\\p{Cs}\\uFFFE\\uFFFF\\u2028\\u2029]", " ");
        name = MARK_PILE.matcher(name).replaceAll("$1").strip();
        return INVISIBLE.matcher(name).matches() ? Comment.ANONYMOUS : name;
    }

    /** {@code text} without any direction control, as a line of a page's head (its title, its description) needs. */
    public static String withoutDirectionControls(String text) {
        return BIDI_CONTROL.matcher(text).replaceAll("");
    }

    /** {@code text} without the characters XML 1.0 forbids; the same string when it holds none, as it mostly does. */
    public static String withoutForbiddenCharacters(String text) {
        Matcher forbidden = XML_FORBIDDEN.matcher(text);
        return forbidden.find() ? forbidden.replaceAll("") : text;
    }

    /** The start of {@code words}, cut after {@code length} characters with an ellipsis. */
    public static String excerpt(String words, int length) {
        return length(words) <= length ? words : words.substring(0, words.offsetByCodePoints(0, length)) + "\u2026";
    }

    public static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    private Text() {}
}
