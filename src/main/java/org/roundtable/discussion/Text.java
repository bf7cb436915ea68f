package org.roundtable.discussion;

import java.text.Normalizer;

/** How typed text is cleaned before it is stored: what is stored is then exactly what is shown. */
public final class Text {

    /** Line breaks as browsers send them (CRLF) become plain newlines; invisible control characters go. */
    public static String body(String typed) {
        String text = Normalizer.normalize(typed.replace("\r\n", "\n").replace('\r', '\n'), Normalizer.Form.NFC);
        return text.replaceAll("[\\p{Cc}&&[^\\n\\t]]", "").strip();
    }

    /** A name is one line; a blank one becomes "Anonymous". */
    public static String name(String typed) {
        String name = Normalizer.normalize(typed, Normalizer.Form.NFC).replaceAll("\\p{Cc}", " ").strip();
        return name.isEmpty() ? Comment.ANONYMOUS : name;
    }

    static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    private Text() {}
}
