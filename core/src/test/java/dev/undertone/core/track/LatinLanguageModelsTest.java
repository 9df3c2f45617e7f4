package dev.undertone.core.track;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.pemistahl.lingua.api.Language;
import java.util.Comparator;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class LatinLanguageModelsTest {

    @Test
    void cleaningKeepsHashtagWordsAndDropsWhatNamesNoLanguage() {
        assertThat(
                        LatinLanguageModels.clean(
                                "RT @user: #GuteNacht ihr Lieben https://t.co/x1 http"))
                .isEqualTo("Gute Nacht ihr Lieben");
        assertThat(LatinLanguageModels.clean("soooo schöööön 2013 &amp; http"))
                .isEqualTo("soo schöön");
        // Fewer than three letters left: nothing to tell from.
        assertThat(LatinLanguageModels.clean("@user #ok http 12")).isNull();
    }

    @Test
    void aClearLeadDecides() {
        // 1.0 against 0.98: a lead of 0.02, at least MIN_RELATIVE_DISTANCE (0.01).
        var confidence = confidence(Map.of(Language.DUTCH, 1.0, Language.GERMAN, 0.98));
        assertThat(LatinLanguageModels.decide(confidence, null)).contains("nl");
        assertThat(
                        LatinLanguageModels.decide(
                                confidence, new LanguageDetector.WordGuess("de", 4, 0)))
                .contains("nl");
        assertThat(LatinLanguageModels.decide(confidence(Map.of(Language.ITALIAN, 1.0)), null))
                .contains("it");
        assertThat(LatinLanguageModels.decide(confidence(Map.of()), null)).isEmpty();
    }

    @Test
    void aCloseCallNeedsTheWordsOnOneOfTheTwoSides() {
        // 1.0 against 0.995: a lead of 0.005, under MIN_RELATIVE_DISTANCE.
        var close =
                confidence(
                        Map.of(Language.DUTCH, 1.0, Language.GERMAN, 0.995, Language.DANISH, 0.9));
        assertThat(LatinLanguageModels.decide(close, null)).isEmpty();
        assertThat(LatinLanguageModels.decide(close, new LanguageDetector.WordGuess("de", 4, 0)))
                .contains("de");
        assertThat(LatinLanguageModels.decide(close, new LanguageDetector.WordGuess("nl", 2, 0)))
                .contains("nl");
        // Words for a third language, or words that tie, do not decide: no language.
        assertThat(LatinLanguageModels.decide(close, new LanguageDetector.WordGuess("da", 4, 0)))
                .isEmpty();
        assertThat(LatinLanguageModels.decide(close, new LanguageDetector.WordGuess("de", 2, 2)))
                .isEmpty();
        // An exact tie is never a lead.
        var tie = confidence(Map.of(Language.ENGLISH, 1.0, Language.GERMAN, 1.0));
        assertThat(LatinLanguageModels.decide(tie, null)).isEmpty();
    }

    /** Lingua's shape: languages by falling confidence. */
    private static SortedMap<Language, Double> confidence(Map<Language, Double> values) {
        SortedMap<Language, Double> m =
                new TreeMap<>(
                        Comparator.comparing((Language l) -> -values.get(l))
                                .thenComparing(Language::name));
        m.putAll(values);
        return m;
    }
}
