package org.roundtable.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a page tells search engines about itself: one line of plain words, short enough to be shown whole. */
class PageDescriptionTest {

    @Test
    void shortWordsAreKeptOnOneLine() {
        assertThat(PageDescription.of("  Start with\n the   gas pipeline. ")).isEqualTo("Start with the gas pipeline.");
    }

    @Test
    void longWordsAreCutAtAWordWithAnEllipsis() {
        String words = "word ".repeat(60);
        String description = PageDescription.of(words);
        assertThat(description).hasSizeLessThanOrEqualTo(PageDescription.LONGEST).endsWith("word\u2026");
    }

    @Test
    void oneLongWordIsCutWhereItReachesTheLimit() {
        String address = "https://example.org/" + "a".repeat(300);
        assertThat(PageDescription.of(address)).hasSize(PageDescription.LONGEST).startsWith("https://example.org/aaa");
    }

    @Test
    void persianIsCountedByCharacterNotByHalvesOfOne() {
        String persian = "همکاری اقتصادی باید نخستین گام باشد 𐎠 ".repeat(10);
        String description = PageDescription.of(persian);
        assertThat(description.codePointCount(0, description.length())).isLessThanOrEqualTo(PageDescription.LONGEST);
        assertThat(description).endsWith("\u2026").doesNotContain("\uFFFD");
    }

    @Test
    void directionControlsCannotReorderWhatFollowsInTheHead() {
        assertThat(PageDescription.of("Sara: \u202Egnp.exe\u202C and \u2067\u0633\u0644\u0627\u0645\u2069 \u200Fok"))
                .isEqualTo("Sara: gnp.exe and \u0633\u0644\u0627\u0645 ok");
    }

    @Test
    void nothingToSayIsNull() {
        assertThat(PageDescription.of(" \n ")).isNull();
        assertThat(PageDescription.of(null)).isNull();
    }
}
