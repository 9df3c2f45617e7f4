package dev.undertone.core.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.undertone.core.post.Post;
import dev.undertone.core.post.PostSource;
import dev.undertone.core.post.TestPosts;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostTrackerTest {
    private static Post post(String text, List<String> langs) {
        return TestPosts.post(PostSource.BLUESKY, "1", Instant.EPOCH, text).langs(langs).build();
    }

    @Test
    void keepsMatchingPostsWithTheirMatchedPhrases() {
        PostTracker t = PostTracker.parse("stimulus,climate policy", null);

        assertThat(t.track(post("New #Stimulus plan", List.of("en"))).tracks())
                .containsExactly("stimulus");
        assertThat(t.track(post("the weather today", List.of("en")))).isNull();
    }

    @Test
    void appliesTheLanguageFilter() {
        PostTracker t = PostTracker.parse(null, "es");

        assertThat(t.track(post("hola", List.of("es")))).isNotNull();
        assertThat(t.track(post("hello", List.of("en")))).isNull();
    }

    @Test
    void fillsInTheLanguageOfAPostWithoutOne() {
        Post kept =
                PostTracker.KEEP_ALL.track(
                        post("the weather is nice and the sun is out today", List.of()));

        assertThat(kept.langs()).containsExactly("en");
    }

    @Test
    void badRulesAreAnErrorNamingTheProblem() {
        assertThatThrownBy(() -> PostTracker.parse("\"unclosed", null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
