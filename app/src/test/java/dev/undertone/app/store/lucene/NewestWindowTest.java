package dev.undertone.app.store.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import dev.undertone.app.store.IndexListener;
import dev.undertone.app.store.PostFilter;
import dev.undertone.app.store.StoreFixtures;
import dev.undertone.app.store.StoredPost;
import dev.undertone.app.testing.FixtureIndex;
import dev.undertone.core.post.Post;
import dev.undertone.core.post.PostSource;
import dev.undertone.core.post.ScoredPost;
import dev.undertone.core.post.TestPosts;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Newest-first through a growing time window gives exactly what sorting every match gives, for
 * common and rare filters, and for posts indexed out of creation order.
 */
class NewestWindowTest {
    private static final int POSTS = 3000;

    @TempDir Path dir;

    @Test
    void theWindowedSearchEqualsAFullSort() throws Exception {
        Random random = new Random(7);
        List<StoredPost> posts = new ArrayList<>();
        for (int i = 0; i < POSTS; i++) {
            // Mostly ascending, with some stragglers far from their place.
            int minute = random.nextInt(10) == 0 ? random.nextInt(POSTS) : i;
            boolean rare = random.nextInt(100) == 0;
            StoredPost p =
                    StoreFixtures.post(
                            minute,
                            PostSource.BLUESKY,
                            "en",
                            "post " + i,
                            List.of(rare ? "rare" : "common"),
                            StoreFixtures.positive(0.8),
                            List.of(),
                            List.of());
            // Distinct ids: the fixture factory names posts by minute.
            posts.add(renamed(p, "n" + i));
        }
        try (FixtureIndex index = FixtureIndex.withFixtures(dir)) {
            index.add(posts, IndexListener.NONE);
            for (String track : new String[] {"common", "rare"}) {
                PostFilter f = PostFilter.parse(Map.of("track", track)::get);
                List<String> expected =
                        posts.stream()
                                .filter(p -> p.post().post().tracks().contains(track))
                                .sorted(
                                        Comparator.<StoredPost, Instant>comparing(
                                                        p -> p.post().post().createdAt())
                                                .thenComparing(p -> p.post().post().key())
                                                .reversed())
                                .limit(25)
                                .map(p -> p.post().post().key())
                                .toList();

                List<String> got =
                        index.store().posts(f, 25).posts().stream()
                                .map(p -> p.post().post().key())
                                .toList();

                assertThat(got).as(track).isEqualTo(expected);
            }
            assertThat(
                            index.store()
                                    .timeline(
                                            PostFilter.parse(Map.of("track", "rare")::get),
                                            Duration.ofDays(1))
                                    .buckets())
                    .isNotEmpty();
        }
    }

    private static StoredPost renamed(StoredPost p, String id) {
        Post post = p.post().post();
        Post renamed =
                TestPosts.post(post.source(), id, post.createdAt(), post.text())
                        .author(post.authorHandle(), post.authorId())
                        .langs(post.langs())
                        .url(post.url())
                        .hashtags(post.hashtags())
                        .mentions(post.mentions())
                        .tracks(post.tracks())
                        .reply(post.reply())
                        .repost(post.repost())
                        .quote(post.quote())
                        .build();
        return new StoredPost(
                new ScoredPost(
                        renamed, p.post().sentiment(), p.post().modelId(), p.post().scoredAt()),
                p.indexedAt());
    }
}
