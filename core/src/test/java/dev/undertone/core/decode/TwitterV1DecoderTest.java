package dev.undertone.core.decode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.undertone.core.post.Post;
import dev.undertone.core.post.PostSource;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TwitterV1DecoderTest {
    private final List<Decoded> decoded =
            Fixtures.decodeLines("twitter-v1.jsonl", Formats.TWITTER_V1);

    private Post post(int line) {
        return ((Decoded.NewPost) decoded.get(line - 1)).post();
    }

    @Test
    void extendedTweetFullTextWinsOverTruncatedText() {
        Post p = post(1);
        assertThat(p.source()).isEqualTo(PostSource.X);
        assertThat(p.id()).isEqualTo("1149812345678901234");
        assertThat(p.text())
                .endsWith("waiting for months #Stimulus @TreasuryDept https://t.co/abc");
        assertThat(p.hashtags()).containsExactly("Stimulus");
        assertThat(p.mentions()).containsExactly("TreasuryDept");
        assertThat(p.links()).containsExactly("https://example.gov/stimulus");
        assertThat(p.createdAt()).isEqualTo(Instant.parse("2019-07-12T23:40:37Z"));
        assertThat(p.authorHandle()).isEqualTo("ann_writes");
        assertThat(p.authorId()).isEqualTo("12345");
        assertThat(p.url()).isEqualTo("https://x.com/ann_writes/status/1149812345678901234");
        assertThat(p.langs()).containsExactly("en");
    }

    @Test
    void retweetCarriesTheRetweetedFullTextAndIsARepost() {
        Post p = post(2);
        assertThat(p.id()).isEqualTo("1149812345678905555");
        assertThat(p.authorHandle()).isEqualTo("bob_rt");
        assertThat(p.repost()).isTrue();
        assertThat(p.text()).isEqualTo(post(1).text());
        assertThat(p.hashtags()).containsExactly("Stimulus");
    }

    @Test
    void replyAndQuoteMarkersAndFullTextField() {
        assertThat(post(3).reply()).isTrue();
        assertThat(post(6).quote()).isTrue();
        assertThat(post(6).text()).isEqualTo("Dieses Zitat ist wichtig");
    }

    @Test
    void deleteNoticeIsADeletionAndLimitIsNotAPost() {
        assertThat(decoded.get(3)).isEqualTo(new Decoded.Deletion("x:1149812345678907777"));
        assertThat(decoded.get(4)).isEqualTo(new Decoded.NotAPost("limit"));
    }

    @Test
    void tweetWithoutTextIsRejected() {
        Decoded d =
                Fixtures.decode(
                        Formats.TWITTER_V1, "{\"id_str\":\"1\",\"user\":{\"screen_name\":\"a\"}}");
        assertThat(d).isEqualTo(new Decoded.Rejected("Twitter v1.1 tweet has no 'text' field"));
    }
}
