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
    void aBodyIsInNormalFormCWithUnixLineBreaksAndNoControls() {
        assertThat(Text.body("e\u0301\r\nline\u0007 two\ttab\u0000")).isEqualTo("\u00E9\nline two\ttab");
    }
}
