package dev.undertone.core.track;

import dev.undertone.core.post.Post;
import dev.undertone.core.post.PostSource;
import dev.undertone.core.post.TestPosts;
import java.time.Instant;
import java.util.List;

/** Builds posts for the track and language tests. */
final class TrackTesting {
    private TrackTesting() {}

    static Post post(String text) {
        return post(text, List.of(), List.of());
    }

    static Post post(String text, List<String> hashtags, List<String> langs) {
        return TestPosts.post(PostSource.FILE, "t", Instant.EPOCH, text)
                .langs(langs)
                .hashtags(hashtags)
                .build();
    }
}
