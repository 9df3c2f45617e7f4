package dev.undertone.core.decode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.undertone.core.post.Post;
import dev.undertone.core.post.PostSource;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class XV2DecoderTest {
    private final List<Decoded> decoded =
            Fixtures.decodeLines("x-filtered-stream.ndjson", Formats.X_V2);

    private List<Post> posts() {
        return decoded.stream()
                .filter(d -> d instanceof Decoded.NewPost)
                .map(d -> ((Decoded.NewPost) d).post())
                .toList();
    }

    @Test
    void fixtureHasSixPostsKeepAlivesAndAStreamError() {
        assertThat(decoded).noneMatch(d -> d instanceof Decoded.Rejected);
        assertThat(posts()).hasSize(6);
        assertThat(decoded.stream().filter(d -> d.equals(new Decoded.NotAPost("blank"))))
                .hasSize(6);
        assertThat(decoded.get(decoded.size() - 1)).isEqualTo(new Decoded.NotAPost("stream-error"));
    }

    @Test
    void postCarriesAuthorFromIncludesLangTimeAndUrl() {
        Post p = posts().get(0);
        assertThat(p.source()).isEqualTo(PostSource.X);
        assertThat(p.id()).isEqualTo("2032769118401335297");
        assertThat(p.authorHandle()).isEqualTo("mara_builds");
        assertThat(p.authorId()).isEqualTo("1555000111222333444");
        assertThat(p.langs()).containsExactly("en");
        assertThat(p.createdAt()).isEqualTo(Instant.parse("2026-03-14T15:00:03Z"));
        assertThat(p.url()).isEqualTo("https://x.com/mara_builds/status/2032769118401335297");
        assertThat(p.text()).startsWith("Finally got the relief check today.");
    }

    @Test
    void entitiesGiveHashtagsMentionsAndLinks() {
        assertThat(posts().get(1).hashtags()).containsExactly("fail");
        assertThat(posts().get(2).mentions()).containsExactly("dkwon");
        assertThat(posts().get(4).links()).containsExactly("https://news.example.org/stimulus-faq");
    }

    @Test
    void referencedTweetsMarkRepliesAndQuotes() {
        assertThat(posts().get(2).reply()).isTrue();
        assertThat(posts().get(4).quote()).isTrue();
        assertThat(posts().get(0).reply() || posts().get(0).quote() || posts().get(0).repost())
                .isFalse();
    }

    @Test
    void postWithHydrationErrorsIsKept() {
        assertThat(posts().get(4).id()).isEqualTo("2032769388952088576");
    }

    @Test
    void editedPostReplacesTheOriginalIdButLinksTheNewVersion() {
        Decoded.NewPost edit =
                (Decoded.NewPost)
                        decoded.stream()
                                .filter(d -> d instanceof Decoded.NewPost n && n.edit())
                                .findFirst()
                                .orElseThrow();
        assertThat(edit.post().id()).isEqualTo("2032769441632071680");
        assertThat(edit.post().url()).endsWith("/status/2032769477296312321");
    }

    @Test
    void retweetTakesTheFullTextOfTheRetweetedPostFromIncludes() {
        String line =
                "{\"data\":{\"id\":\"2\",\"text\":\"RT @a: short…\",\"author_id\":\"9\","
                        + "\"referenced_tweets\":[{\"type\":\"retweeted\",\"id\":\"1\"}]},"
                        + "\"includes\":{\"tweets\":[{\"id\":\"1\",\"text\":\"the whole original text\"}]}}";
        Post p = ((Decoded.NewPost) Fixtures.decode(Formats.X_V2, line)).post();
        assertThat(p.text()).isEqualTo("the whole original text");
        assertThat(p.repost()).isTrue();
        assertThat(p.url()).isEqualTo("https://x.com/i/web/status/2");
        assertThat(p.createdAt()).isEqualTo(Fixtures.RECEIVED);
    }

    @Test
    void longPostUsesNoteTweetText() {
        String line =
                "{\"data\":{\"id\":\"3\",\"text\":\"cut…\",\"note_tweet\":{\"text\":\"the long version\"}}}";
        assertThat(((Decoded.NewPost) Fixtures.decode(Formats.X_V2, line)).post().text())
                .isEqualTo("the long version");
    }

    @Test
    void rejectsNonNumericIdsAndLinesWithoutData() {
        assertThat(
                        ((Decoded.Rejected)
                                        Fixtures.decode(
                                                Formats.X_V2,
                                                "{\"data\":{\"id\":\"x1\",\"text\":\"t\"}}"))
                                .reason())
                .isEqualTo("X post id 'x1' is not a number");
        assertThat(((Decoded.Rejected) Fixtures.decode(Formats.X_V2, "{\"foo\":1}")).reason())
                .isEqualTo("X API v2 line has neither 'data' nor 'errors'");
    }
}
