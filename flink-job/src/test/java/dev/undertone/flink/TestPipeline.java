package dev.undertone.flink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.undertone.core.decode.Decoded;
import dev.undertone.core.decode.RawRecord;
import dev.undertone.core.decode.RecordDecoder;
import dev.undertone.core.index.opensearch.PostJson;
import dev.undertone.core.kafka.RawRecordHeaders;
import dev.undertone.core.post.Post;
import dev.undertone.core.post.PostSource;
import dev.undertone.core.post.TestPosts;
import dev.undertone.core.sentiment.Sentiment;
import dev.undertone.core.sentiment.SentimentModel;
import dev.undertone.core.sentiment.SentimentResult;
import dev.undertone.core.sentiment.SentimentScores;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Stand-ins for the parts other modules own, small enough to predict: a decoder of test JSON lines
 * and a word-list model. The job code under test is the real one.
 */
final class TestPipeline {
    static final String FORMAT = "test";

    private TestPipeline() {}

    /** A payload on which {@link TestDecoder} throws, as a buggy decoder would. */
    static final String CRASHES_THE_DECODER = "{\"crash\":true}";

    /**
     * {@code {"id","text"}} is a post, {@code {"id","deleted":true}} a delete, {@link
     * #CRASHES_THE_DECODER} throws, else rejected.
     */
    static final class TestDecoder implements RecordDecoder {
        @Override
        public Decoded decode(RawRecord r) {
            if (new String(r.payload(), StandardCharsets.UTF_8).equals(CRASHES_THE_DECODER)) {
                throw new IllegalStateException("test decoder bug");
            }
            try {
                JsonNode n = PostJson.mapper().readTree(r.payload());
                if (n == null || !n.hasNonNull("id")) {
                    return new Decoded.Rejected("no id");
                }
                String id = n.get("id").asText();
                if (n.path("deleted").asBoolean(false)) {
                    return new Decoded.Deletion(Post.key(PostSource.FILE, id));
                }
                Post p =
                        TestPosts.post(
                                        PostSource.FILE,
                                        id,
                                        Instant.parse("2025-01-01T00:00:00Z")
                                                .plusSeconds(n.path("t").asLong(0)),
                                        n.path("text").asText(""))
                                .author("author" + id, null)
                                .langs(List.of("en"))
                                .build();
                return new Decoded.NewPost(p, n.path("edit").asBoolean(false));
            } catch (java.io.IOException e) {
                return new Decoded.Rejected("not JSON: " + e.getMessage());
            }
        }
    }

    /** "good" is positive, "bad" negative, both mixed, else neutral. */
    static final class WordModel implements SentimentModel {
        @Override
        public String id() {
            return "words-1";
        }

        @Override
        public List<SentimentResult> classify(List<String> texts) {
            List<SentimentResult> out = new ArrayList<>();
            for (String t : texts) {
                String s = t.toLowerCase(Locale.ROOT);
                boolean good = s.contains("good");
                boolean bad = s.contains("bad");
                if (s.isBlank()) {
                    out.add(SentimentResult.unscored(SentimentResult.EMPTY_TEXT));
                } else if (good && bad) {
                    out.add(
                            SentimentResult.scored(
                                    Sentiment.MIXED, new SentimentScores(.2, .2, .1, .5)));
                } else if (good) {
                    out.add(
                            SentimentResult.scored(
                                    Sentiment.POSITIVE, new SentimentScores(.9, .02, .05, .03)));
                } else if (bad) {
                    out.add(
                            SentimentResult.scored(
                                    Sentiment.NEGATIVE, new SentimentScores(.02, .9, .05, .03)));
                } else {
                    out.add(
                            SentimentResult.scored(
                                    Sentiment.NEUTRAL, new SentimentScores(.1, .1, .75, .05)));
                }
            }
            return out;
        }
    }

    /** The expected sentiment of a text under {@link WordModel}. */
    static String expected(String text) {
        return new WordModel().classify(List.of(text)).get(0).sentiment().name();
    }

    /** A raw-topic record of a post, keyed by its post key, as the ingest writes it. */
    static ProducerRecord<byte[], byte[]> post(String topic, String id, String text, boolean edit) {
        ObjectNode n = PostJson.mapper().createObjectNode();
        n.put("id", id);
        n.put("text", text);
        n.put("t", Math.abs(id.hashCode() % 100_000));
        n.put("edit", edit);
        return record(topic, Post.key(PostSource.FILE, id), n.toString());
    }

    /** A raw-topic record deleting a post. */
    static ProducerRecord<byte[], byte[]> delete(String topic, String id) {
        return record(
                topic, Post.key(PostSource.FILE, id), "{\"id\":\"" + id + "\",\"deleted\":true}");
    }

    /** A raw-topic record the decoder rejects. */
    static ProducerRecord<byte[], byte[]> garbage(String topic, String payload) {
        return record(topic, null, payload);
    }

    private static ProducerRecord<byte[], byte[]> record(String topic, String key, String value) {
        ProducerRecord<byte[], byte[]> r =
                new ProducerRecord<>(
                        topic,
                        null,
                        System.currentTimeMillis(),
                        key == null ? null : key.getBytes(StandardCharsets.UTF_8),
                        value.getBytes(StandardCharsets.UTF_8));
        r.headers().add(RawRecordHeaders.FORMAT, FORMAT.getBytes(StandardCharsets.UTF_8));
        return r;
    }
}
