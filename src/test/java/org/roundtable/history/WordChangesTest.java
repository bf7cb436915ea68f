package org.roundtable.history;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * How a history page marks what changed between two versions, written here as [-taken out-] and {+put in+}: whole
 * words, a rewritten passage as one run of each, spaces outside the marks and one between the two runs.
 */
class WordChangesTest {

    @Test
    void aReplacedWordIsTakenOutThenPutInWithASpaceBetween() {
        assertThat(changes("I am sure of it", "I was sure of it")).isEqualTo("I [-am-] {+was+} sure of it");
    }

    @Test
    void aRewrittenPassageIsOneRunTakenOutAndOneRunPutIn() {
        assertThat(changes("Trade comes first. I think Iran will agree to it.", "Trade comes first. But Pakistan would never accept that."))
                .isEqualTo("Trade comes first. [-I think Iran will agree to it.-] {+But Pakistan would never accept that.+}");
    }

    @Test
    void aWordARewriteHappensToKeepDoesNotSplitIt() {
        assertThat(changes("Iran will sign the treaty gladly now", "Pakistan should reject the deal outright now"))
                .isEqualTo("[-Iran will sign the treaty gladly-] {+Pakistan should reject the deal outright+} now");
    }

    @Test
    void twoSmallChangesWithAWordBetweenThemStayApart() {
        assertThat(changes("The deal is bad for Iran", "The deal is good for Pakistan"))
                .isEqualTo("The deal is [-bad-] {+good+} for [-Iran-] {+Pakistan+}");
    }

    @Test
    void onlyPuttingWordsInMarksThemAloneWithTheSpaceOutside() {
        assertThat(changes("Call me", "Call me soon")).isEqualTo("Call me {+soon+}");
        assertThat(changes("Call me", "Please call me")).isEqualTo("[-Call-] {+Please call+} me");
        assertThat(changes("Call me today", "Call me, please, today")).isEqualTo("Call [-me-] {+me, please,+} today");
    }

    @Test
    void onlyTakingWordsOutMarksThemAloneWithTheSpaceOutside() {
        assertThat(changes("Call me soon", "Call me")).isEqualTo("Call me [-soon-]");
        assertThat(changes("Please do call me", "Please call me")).isEqualTo("Please [-do-] call me");
        assertThat(changes("Call me, please, today", "Call today")).isEqualTo("Call [-me, please,-] today");
    }

    @Test
    void punctuationChangesTheWordItIsPartOf() {
        assertThat(changes("Really? Yes.", "Really! Yes.")).isEqualTo("[-Really?-] {+Really!+} Yes.");
        assertThat(changes("ports, roads, and rail", "ports, roads and rail")).isEqualTo("ports, [-roads,-] {+roads+} and rail");
    }

    @Test
    void aChangeOfSpacesAloneMarksNothingAndKeepsTheNewSpaces() {
        assertThat(changes("First thought. Second thought.", "First thought.\n\nSecond thought."))
                .isEqualTo("First thought.\n\nSecond thought.");
    }

    @Test
    void persianAndUrduAreComparedWordByWordToo() {
        // "The border must be calm first" → "The border must be open first"; the zero-width non-joiner (U+200C) is
        // part of a Persian word, not a space between words.
        assertThat(changes("مرز باید اول آرام باشد", "مرز باید اول باز باشد")).isEqualTo("مرز باید اول [-آرام-] {+باز+} باشد");
        assertThat(changes("می\u200Cخواهم صلح", "می\u200Cخواستم صلح")).isEqualTo("[-می\u200Cخواهم-] {+می\u200Cخواستم+} صلح");
        // Urdu: "trade comes first" → "security first, then trade", a no-break space between two of the words.
        assertThat(changes("تجارت پہلے آتی ہے", "سلامتی پہلے،\u00A0پھر تجارت"))
                .isEqualTo("[-تجارت پہلے آتی ہے-] {+سلامتی پہلے،\u00A0پھر تجارت+}");
        // "Pakistan and Iran" → "Pakistan or Iran", typed with a no-break space: it parts words as a space does.
        assertThat(changes("پاکستان\u00A0اور ایران", "پاکستان\u00A0یا ایران")).isEqualTo("پاکستان\u00A0[-اور-] {+یا+} ایران");
    }

    @Test
    void theSameTextMarksNothingAndAnEmptyOneIsEmpty() {
        assertThat(changes("Nothing changed here", "Nothing changed here")).isEqualTo("Nothing changed here");
        assertThat(changes("", "")).isEmpty();
        assertThat(changes("", "All new")).isEqualTo("{+All new+}");
        assertThat(changes("All gone", "")).isEqualTo("[-All gone-]");
    }

    @Test
    void theWordsAreEscapedAndTheMarksAreNamedForScreenReaders() {
        assertThat(WordChanges.html("a <b>", "a <i>")).isEqualTo("a <del><span class=\"visually-hidden\">[removed: </span>&lt;b&gt;"
                + "<span class=\"visually-hidden\">]</span></del> <ins><span class=\"visually-hidden\">[added: </span>&lt;i&gt;"
                + "<span class=\"visually-hidden\">]</span></ins>");
    }

    private static String changes(String before, String after) {
        return WordChanges.html(before, after)
                .replace("<del><span class=\"visually-hidden\">[removed: </span>", "[-")
                .replace("<span class=\"visually-hidden\">]</span></del>", "-]")
                .replace("<ins><span class=\"visually-hidden\">[added: </span>", "{+")
                .replace("<span class=\"visually-hidden\">]</span></ins>", "+}");
    }
}
