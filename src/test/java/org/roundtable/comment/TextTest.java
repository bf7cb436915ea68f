package org.roundtable.comment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How typed words are cleaned before they are stored, and shown exactly so. */
class TextTest {

    @Test
    void aBodyLosesDirectionOverridesAndEmbeddingsButKeepsIsolatesAndMarks() {
        String spoof = "I agree with \u202Eylno sdrow eseht\u202C the proposal";
        assertThat(Text.body(spoof)).isEqualTo("I agree with ylno sdrow eseht the proposal");
        assertThat(Text.body("\u202Bعربي\u202C and \u202Alatin\u202C")).isEqualTo("عربي and latin");
        String persian = "قیمت \u2066100 USD\u2069 است\u200F و \u061Cنه";
        assertThat(Text.body(persian)).as("how Persian and Urdu writers place a number or an English word").isEqualTo(persian);
    }

    @Test
    void aNameIsOneLineWithoutAnyDirectionControl() {
        assertThat(Text.name("\u2067سارا\u2069\u202E\n")).isEqualTo("سارا");
        assertThat(Text.name(" \u200F ")).isEqualTo(Comment.ANONYMOUS);
    }

    @Test
    void aNameThatDrawsNothingIsAnonymousAndANameIsOneLine() {
        for (String invisible : new String[] {"\u200B\u2060\uFEFF", "\u3164", "\u0301\u0301", " \u00A0 \u2800"}) {
            assertThat(Text.name(invisible)).as(invisible.codePoints().mapToObj(Integer::toHexString).toList().toString())
                    .isEqualTo(Comment.ANONYMOUS);
        }
        assertThat(Text.name("Sara\u2028Ahmadi\u2029")).isEqualTo("Sara Ahmadi");
        assertThat(Text.name("\u0645\u06CC\u200C\u062E\u0648\u0627\u0645")).as("a Persian name keeps its zero-width non-joiner")
                .isEqualTo("\u0645\u06CC\u200C\u062E\u0648\u0627\u0645");
    }

    @Test
    void marksPiledOnOneLetterAreCutToAFewWhileTheMarksScriptsUseStay() {
        assertThat(Text.name("Z" + "\u0336".repeat(79))).isEqualTo("Z" + "\u0336".repeat(Text.MOST_MARKS));
        assertThat(Text.body("Z" + "\u0336".repeat(9000) + " ok")).isEqualTo("Z" + "\u0336".repeat(Text.MOST_MARKS) + " ok");
        String urdu = "\u0628\u0650\u0651\u0633\u0652\u0645";
        assertThat(Text.body(urdu)).isEqualTo(java.text.Normalizer.normalize(urdu, java.text.Normalizer.Form.NFC));
    }

    @Test
    void aBodyIsInNormalFormCWithUnixLineBreaksAndNoControls() {
        assertThat(Text.body("e\u0301\r\nline\u0007 two\ttab\u0000")).isEqualTo("\u00E9\nline two\ttab");
    }
}
