package dev.undertone.core.post;

import java.time.Instant;
import java.util.List;

/**
 * Posts for tests: the four fields every post has, then only the ones a test cares about; the rest
 * keep the values a decoder gives when a source says nothing (no author, no url, empty lists, not a
 * reply, repost or quote, no revision). Shared with the app's and the Flink job's tests through
 * core's test jar.
 */
public final class TestPosts {
    private TestPosts() {}

    /** A post builder with its source, id, creation time and text. */
    public static Builder post(PostSource source, String id, Instant createdAt, String text) {
        return new Builder(source, id, createdAt, text);
    }

    /** Builds one {@link Post}; each setter returns the builder. */
    public static final class Builder {
        private final PostSource source;
        private final String id;
        private final Instant createdAt;
        private final String text;
        private String authorHandle;
        private String authorId;
        private List<String> langs = List.of();
        private String url;
        private List<String> hashtags = List.of();
        private List<String> mentions = List.of();
        private boolean reply;
        private boolean repost;
        private boolean quote;
        private List<String> tracks = List.of();
        private List<String> links = List.of();
        private long revision = Revisions.UNKNOWN;

        private Builder(PostSource source, String id, Instant createdAt, String text) {
            this.source = source;
            this.id = id;
            this.createdAt = createdAt;
            this.text = text;
        }

        public Builder author(String handle, String id) {
            this.authorHandle = handle;
            this.authorId = id;
            return this;
        }

        public Builder langs(List<String> tags) {
            this.langs = tags;
            return this;
        }

        public Builder url(String link) {
            this.url = link;
            return this;
        }

        public Builder hashtags(List<String> tags) {
            this.hashtags = tags;
            return this;
        }

        public Builder mentions(List<String> handles) {
            this.mentions = handles;
            return this;
        }

        public Builder reply(boolean isReply) {
            this.reply = isReply;
            return this;
        }

        public Builder repost(boolean isRepost) {
            this.repost = isRepost;
            return this;
        }

        public Builder quote(boolean isQuote) {
            this.quote = isQuote;
            return this;
        }

        public Builder tracks(List<String> phrases) {
            this.tracks = phrases;
            return this;
        }

        public Builder links(List<String> urls) {
            this.links = urls;
            return this;
        }

        public Builder revision(long rev) {
            this.revision = rev;
            return this;
        }

        public Post build() {
            return new Post(
                    source,
                    id,
                    createdAt,
                    authorHandle,
                    authorId,
                    text,
                    langs,
                    url,
                    hashtags,
                    mentions,
                    reply,
                    repost,
                    quote,
                    tracks,
                    links,
                    revision);
        }
    }
}
