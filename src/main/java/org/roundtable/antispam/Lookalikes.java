package org.roundtable.antispam;

import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.SpoofChecker;

/**
 * Text reduced to how it looks, so that a blocked phrase matches however it was typed: compatibility forms
 * and case folded together (NFKC case folding, which also drops invisible characters such as zero-width
 * spaces and soft hyphens), then letters that look alike from any script mapped to one (Unicode's confusable
 * skeleton, UTS #39), so a Cyrillic "а" reads as the Latin "a" it imitates.
 */
final class Lookalikes {

    private static final Normalizer2 FOLD = Normalizer2.getNFKCCasefoldInstance();
    private static final SpoofChecker SPOOF = new SpoofChecker.Builder().build();

    static String skeleton(String text) {
        return SPOOF.getSkeleton(FOLD.normalize(text));
    }

    private Lookalikes() {}
}
