package org.roundtable.discussion;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * How typed text is cleaned before it is stored; what is stored is then exactly what is shown, escaped.
 * Text is put in Unicode normal form C, browsers' CRLF line breaks become LF, and invisible control
 * characters (all but newline and tab) are removed.
 */
public final class Text {

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]");
    /**
     * Characters that reorder the text around them (embeddings, overrides, isolates, marks). A name is shown
     * in the middle of a line, so these could make the rest of the line read backwards; bodies keep them,
     * since a comment is a block of its own.
     */
    private static final Pattern BIDI_CONTROL = Pattern.compile("[\\u202A-\\u202E\\u2066-\\u2069\\u200E\\u200F\\u061C]");

    public static String body(String typed) {
        String text = Normalizer.normalize(typed.replace("\r\n", "\n").replace('\r', '\n'), Normalizer.Form.NFC);
        return CONTROL.matcher(text).replaceAll("").strip();
    }

    /** A name is one line, with no direction controls; a blank one becomes "Anonymous". */
    public static String name(String typed) {
        String name = Normalizer.normalize(typed, Normalizer.Form.NFC);
        name = BIDI_CONTROL.matcher(name).replaceAll("");
        name = name.replaceAll("\\p{Cc}", " ").strip();
        return name.isEmpty() ? Comment.ANONYMOUS : name;
    }

    static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    private Text() {}
}
