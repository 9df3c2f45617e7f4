package dev.undertone.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.undertone.core.post.Post;
import dev.undertone.core.post.PostSource;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleTrackerTest {
    private static Post post(String text, List<String> langs) {
        return new Post(
                PostSource.BLUESKY,
                "1",
                Instant.EPOCH,
                null,
                null,
                text,
                langs,
                null,
                List.of(),
                List.of(),
                false,
                false,
                false,
                List.of());
    }

    @Test
    void keepsMatchingPostsWithTheirMatchedPhrases() {
        Tracker t = new RuleTracker("stimulus,climate policy", null);

        assertThat(t.track(post("New #Stimulus plan", List.of("en"))).tracks())
                .containsExactly("stimulus");
        assertThat(t.track(post("the weather today", List.of("en")))).isNull();
    }

    @Test
    void appliesTheLanguageFilter() {
        Tracker t = new RuleTracker(null, "es");

        assertThat(t.track(post("hola", List.of("es")))).isNotNull();
        assertThat(t.track(post("hello", List.of("en")))).isNull();
    }

    @Test
    void badRulesFailWhenTheJobIsBuiltNotOnATaskManager() {
        assertThatThrownBy(() -> RuleTracker.factory("\"unclosed", null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
