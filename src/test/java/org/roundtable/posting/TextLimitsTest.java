package org.roundtable.posting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The text limits every post, edit, preview and moderator's reply meets ({@link PostingRules#problemWithText}),
 * without a server: counted in characters as readers see them, not in UTF-16 units.
 */
class TextLimitsTest {

    @Test
    void aNameOfEightyCharactersIsKeptAndOneMoreIsRefused() {
        assertThat(PostingRules.problemWithText("🙂".repeat(80), "Words")).isEmpty();
        assertThat(PostingRules.problemWithText("🙂".repeat(81), "Words"))
                .hasValue("Your name is 81 characters long; please keep it to 80.");
    }

    @Test
    void aCommentNeedsWords() {
        assertThat(PostingRules.problemWithText("Ana", "")).hasValue("Please write a comment before sending it.");
    }

    @Test
    void aCommentOfTenThousandCharactersIsKeptAndALongerOneIsRefusedWithItsLength() {
        assertThat(PostingRules.problemWithText("Ana", "é".repeat(10_000))).isEmpty();
        assertThat(PostingRules.problemWithText("Ana", "é".repeat(10_001)))
                .hasValue("Your comment is 10,001 characters long; the limit is 10,000. Please shorten it.");
    }
}
