package dev.undertone.core.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.unimi.dsi.fastutil.objects.Object2FloatMap;
import it.unimi.dsi.fastutil.objects.Object2FloatOpenHashMap;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PackedNgramModelTest {

    @Test
    void everyNgramReadsItsOwnFrequencyAndOthersReadZero() {
        Object2FloatMap<String> model = new Object2FloatOpenHashMap<>();
        model.put("sch", 0.25f);
        model.put("ein", 0.25f); // frequencies repeat: stored once
        model.put("ößa", 1f / 3);
        model.put("ạnh", 0.125f); // a letter beyond Latin Extended-B (U+1EA1)
        model.put("ｍｍｍ", 0.5f);
        PackedNgramModel packed = PackedNgramModel.of(model, 3);

        assertThat(packed.size()).isEqualTo(5);
        assertThat(packed.getFloat("sch")).isEqualTo(0.25f);
        assertThat(packed.getFloat("ein")).isEqualTo(0.25f);
        assertThat(packed.getFloat("ößa")).isEqualTo(1f / 3);
        assertThat(packed.getFloat("ạnh")).isEqualTo(0.125f);
        assertThat(packed.getFloat("ｍｍｍ")).isEqualTo(0.5f);
        assertThat(packed.containsKey("sch")).isTrue();
        // Known letters in an unknown order, a letter the model lacks, other lengths: absent.
        assertThat(packed.getFloat("hcs")).isZero();
        assertThat(packed.getFloat("scx")).isZero();
        assertThat(packed.getFloat("sc")).isZero();
        assertThat(packed.getFloat("schö")).isZero();
        assertThat(packed.getFloat("")).isZero();
        assertThat(packed.containsKey("hcs")).isFalse();
        assertThat(packed.getFloat(42)).isZero();
        // The entries come back as they went in.
        Map<String, Float> back = new HashMap<>();
        packed.object2FloatEntrySet().forEach(e -> back.put(e.getKey(), e.getFloatValue()));
        assertThat(back).isEqualTo(new HashMap<>(model));
    }

    @Test
    void aFullTableOfFiveGramsFindsEachOneAfterCollisions() {
        // 12^5 = 248,832 five-grams over 12 letters, each with its own frequency: the table is
        // 80% full, so most lookups probe past other n-grams.
        String letters = "aeinrstuäöüß";
        Object2FloatMap<String> model = new Object2FloatOpenHashMap<>();
        int n = 0;
        char[] g = new char[5];
        for (int i = 0; i < 248_832; i++) {
            int x = i;
            for (int k = 4; k >= 0; k--) {
                g[k] = letters.charAt(x % 12);
                x /= 12;
            }
            model.put(new String(g), (i + 1) / 248_832f);
            n++;
        }
        PackedNgramModel packed = PackedNgramModel.of(model, 5);

        assertThat(packed.size()).isEqualTo(n);
        for (Object2FloatMap.Entry<String> e : model.object2FloatEntrySet()) {
            assertThat(packed.getFloat(e.getKey())).isEqualTo(e.getFloatValue());
        }
        assertThat(packed.getFloat("aeinx")).isZero();
    }

    @Test
    void aKeyOfAnotherLengthIsRefused() {
        Object2FloatMap<String> model = new Object2FloatOpenHashMap<>();
        model.put("ab", 0.5f);
        model.put("abc", 0.5f);
        assertThatThrownBy(() -> PackedNgramModel.of(model, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'abc'");
        assertThatThrownBy(() -> PackedNgramModel.of(model, 6))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anNgramPutTwiceKeepsItsSecondFrequencyAndCountsOnce() {
        char[] text = "ab cd ab".toCharArray();
        PackedNgramModelBuilder builder = new PackedNgramModelBuilder(2);
        for (int at = 0; at < text.length; at += 3) {
            builder.see(text, at);
        }
        int half = builder.frequency(0.5f);
        int quarter = builder.frequency(0.25f);
        builder.put(text, 0, half);
        builder.put(text, 3, half);
        builder.put(text, 6, quarter);
        PackedNgramModel packed = builder.build();

        assertThat(packed.size()).isEqualTo(2);
        assertThat(packed.getFloat("ab")).isEqualTo(0.25f);
        assertThat(packed.getFloat("cd")).isEqualTo(0.5f);
    }

    @Test
    void anNgramOrFrequencyNotSeenFirstIsABug() {
        char[] text = "ab cd".toCharArray();
        PackedNgramModelBuilder builder = new PackedNgramModelBuilder(2);
        builder.see(text, 0);
        int half = builder.frequency(0.5f);
        assertThatThrownBy(() -> builder.put(text, 3, half))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'cd'");
        assertThatThrownBy(() -> builder.put(text, 0, half + 1))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> builder.frequency(0.25f))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> builder.see(text, 3)).isInstanceOf(IllegalStateException.class);
    }
}
