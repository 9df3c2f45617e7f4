package dev.undertone.core.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.pemistahl.lingua.internal.TrainingDataLanguageModel;
import it.unimi.dsi.fastutil.objects.Object2FloatMap;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LinguaModelReaderTest {
    private static final String PATH = "/language-models/xx/bigrams.json";

    private static InputStream json(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void eachNgramHasTheFractionItIsListedUnder() {
        // "ab" is listed twice: the later fraction wins, as with Lingua's map.
        String file =
                "{\"language\":\"GERMAN\",\"ngrams\":{\"3/98\":\"ab cd\",\"1/1\":\"\uFB01a\","
                        + "\"2/7\":\"ab ßé\"}}";
        PackedNgramModel model = LinguaModelReader.read(json(file), PATH, 2);

        assertThat(model.size()).isEqualTo(4);
        assertThat(model.getFloat("ab")).isEqualTo(2f / 7f);
        assertThat(model.getFloat("cd")).isEqualTo(3f / 98f);
        assertThat(model.getFloat("\uFB01a")).isEqualTo(1f);
        assertThat(model.getFloat("ßé")).isEqualTo(2f / 7f);
        assertThat(model.getFloat("ba")).isZero();
    }

    @Test
    void givesWhatLinguasOwnReaderGivesForTheSameFile() {
        // Numerators and denominators beyond a float's 24 bits are rounded as Lingua rounds them.
        String file =
                "{\"ngrams\":{\"16777217/3\":\"abc bcd\",\"1/16777219\":\"cde\","
                        + "\"123456789/987654321\":\"def efa fab\",\"7/7\":\"\u0142\u0131\u1EA1\"},"
                        + "\"language\":\"POLISH\"}";
        Object2FloatMap<String> lingua = TrainingDataLanguageModel.Companion.fromJson(json(file));
        PackedNgramModel model = LinguaModelReader.read(json(file), PATH, 3);

        Map<String, Float> read = new HashMap<>();
        model.object2FloatEntrySet().forEach(e -> read.put(e.getKey(), e.getFloatValue()));
        assertThat(read).hasSize(7).isEqualTo(new HashMap<>(lingua));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"ngrams\":{\"3-98\":\"ab\"}}|'3-98' is not a fraction of whole numbers",
                "{\"ngrams\":{\"a/3\":\"ab\"}}|'a/3' is not a fraction",
                "{\"ngrams\":{\"/3\":\"ab\"}}|'/3' is not a fraction",
                "{\"ngrams\":{\"1/3/4\":\"ab\"}}|'1/3/4' is not a fraction",
                "{\"ngrams\":{\"1/0\":\"ab\"}}|'1/0' divides by 0",
                "{\"ngrams\":{\"1/9999999999\":\"ab\"}}|denominator too large",
                "{\"ngrams\":{\"1/3\":\"ab abc\"}}|n-gram 'abc' of 1/3 is not 2 letters long",
                "{\"ngrams\":{\"1/3\":\"ab  cd\"}}|n-gram '' of 1/3 is not 2 letters long",
                "{\"ngrams\":{\"1/3\":\"ab \"}}|n-gram '' of 1/3",
                "{\"ngrams\":{\"1/3\":\"\"}}|n-gram '' of 1/3",
                "{\"ngrams\":{\"1/3\":[\"ab\"]}}|the n-grams of 1/3 not a string",
                "{\"language\":\"X\",\"model\":{}}|unexpected field 'model'",
                "{\"ngrams\":\"ab\"}|unexpected field 'ngrams'",
                "{\"language\":\"X\"}|no n-grams",
                "[1]|not a JSON object",
                "''|not a JSON object",
            })
    void aMalformedFileIsRefusedNamingTheFileAndTheFault(String file, String fault) {
        assertThatThrownBy(() -> LinguaModelReader.read(json(file), PATH, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reading Lingua's model " + PATH + ": ")
                .hasMessageContaining(fault);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"{\"ngrams\":{\"1/3\":\"ab\"", "{\"ngrams\":{\"1/3\":ab}}"})
    void aFileThatIsNotJsonIsAnIoError(String file) {
        assertThatThrownBy(() -> LinguaModelReader.read(json(file), PATH, 2))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessage("reading Lingua's model " + PATH);
    }
}
