package dev.undertone.core.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentimentModelsTest {

    @Test
    void loadsTheBuiltInFastModelOnce() {
        SentimentModel a = SentimentModels.load("fast");
        assertThat(a.id()).isEqualTo("fast-1");
        assertThat(SentimentModels.load("fast")).isSameAs(a);
    }

    @Test
    void namesTheKnownModelsForAnUnknownName() {
        assertThatThrownBy(() -> SentimentModels.load("no-such-model"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no-such-model")
                .hasMessageContaining("fast");
    }

    @Test
    void loadsAModelRegisteredByAnotherModule() {
        SentimentModel stub =
                new SentimentModel() {
                    @Override
                    public String id() {
                        return "registered-1";
                    }

                    @Override
                    public List<SentimentResult> classify(List<String> texts) {
                        return texts.stream()
                                .map(t -> SentimentResult.unscored(SentimentResult.EMPTY_TEXT))
                                .toList();
                    }
                };
        SentimentModels.register("test-registered", () -> stub);
        assertThat(SentimentModels.load("test-registered")).isSameAs(stub);
        assertThat(SentimentModels.names()).contains("fast", "test-registered");
        assertThatThrownBy(() -> SentimentModels.register("fast", () -> stub))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
