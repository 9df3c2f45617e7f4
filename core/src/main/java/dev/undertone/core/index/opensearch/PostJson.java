package dev.undertone.core.index.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.undertone.core.index.IndexFields;
import dev.undertone.core.post.Post;
import dev.undertone.core.post.PostSource;
import dev.undertone.core.post.Revisions;
import dev.undertone.core.post.ScoredPost;
import dev.undertone.core.sentiment.Sentiment;
import dev.undertone.core.sentiment.SentimentResult;
import dev.undertone.core.sentiment.SentimentScores;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A scored post as the JSON document OpenSearch stores (and the scored-posts Kafka topic carries),
 * and back. Field names are {@link IndexFields}; times are ISO-8601 at millisecond precision.
 */
public final class PostJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PostJson() {}

    /** The shared mapper (thread-safe once configured). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * The document of a post.
     *
     * @param scored the post with its sentiment
     * @param indexedAt when it is written to the index
     * @param words the text's content words for the top-terms view, or an empty list
     */
    public static ObjectNode toDocument(
            ScoredPost scored, Instant indexedAt, Collection<String> words) {
        Post p = scored.post();
        SentimentResult r = scored.sentiment();
        ObjectNode doc = MAPPER.createObjectNode();
        doc.put(IndexFields.KEY, p.key());
        doc.put(IndexFields.SOURCE, p.source().id());
        doc.put(IndexFields.ID, p.id());
        doc.put(IndexFields.CREATED_AT, time(p.createdAt()));
        doc.put(IndexFields.INDEXED_AT, time(indexedAt));
        doc.put(IndexFields.SCORED_AT, time(scored.scoredAt()));
        putIfPresent(doc, IndexFields.AUTHOR, p.authorHandle());
        putIfPresent(doc, IndexFields.AUTHOR_ID, p.authorId());
        if (p.revision() != Revisions.UNKNOWN) {
            doc.put(IndexFields.REVISION, p.revision());
        }
        doc.put(IndexFields.TEXT, p.text());
        array(doc, IndexFields.LANG, p.langs());
        putIfPresent(doc, IndexFields.URL, p.url());
        array(doc, IndexFields.HASHTAGS, p.hashtags());
        array(doc, IndexFields.MENTIONS, p.mentions());
        array(doc, IndexFields.TRACKS, p.tracks());
        if (!words.isEmpty()) {
            array(doc, IndexFields.WORDS, words);
        }
        if (r.isScored()) {
            doc.put(IndexFields.SENTIMENT, r.sentiment().name());
            SentimentScores s = r.scores();
            doc.put(IndexFields.SCORE_POSITIVE, s.positive());
            doc.put(IndexFields.SCORE_NEGATIVE, s.negative());
            doc.put(IndexFields.SCORE_NEUTRAL, s.neutral());
            doc.put(IndexFields.SCORE_MIXED, s.mixed());
            doc.put(IndexFields.CONFIDENCE, r.confidence());
        } else {
            doc.put(IndexFields.SENTIMENT, IndexFields.UNSCORED);
            doc.put(IndexFields.UNSCORED_REASON, r.unscoredReason());
        }
        doc.put(IndexFields.MODEL, scored.modelId());
        doc.put(IndexFields.REPLY, p.reply());
        doc.put(IndexFields.REPOST, p.repost());
        doc.put(IndexFields.QUOTE, p.quote());
        return doc;
    }

    /**
     * Rebuilds a scored post from a stored document ({@code _source}).
     *
     * @throws IllegalArgumentException when a required field is missing or malformed
     */
    public static ScoredPost fromDocument(JsonNode doc) {
        Post post =
                new Post(
                        PostSource.fromId(required(doc, IndexFields.SOURCE)),
                        required(doc, IndexFields.ID),
                        Instant.parse(required(doc, IndexFields.CREATED_AT)),
                        text(doc, IndexFields.AUTHOR),
                        text(doc, IndexFields.AUTHOR_ID),
                        required(doc, IndexFields.TEXT),
                        list(doc, IndexFields.LANG),
                        text(doc, IndexFields.URL),
                        list(doc, IndexFields.HASHTAGS),
                        list(doc, IndexFields.MENTIONS),
                        doc.path(IndexFields.REPLY).asBoolean(false),
                        doc.path(IndexFields.REPOST).asBoolean(false),
                        doc.path(IndexFields.QUOTE).asBoolean(false),
                        list(doc, IndexFields.TRACKS),
                        List.of() /* links are not stored */);
        String label = required(doc, IndexFields.SENTIMENT);
        SentimentResult result =
                IndexFields.UNSCORED.equals(label)
                        ? SentimentResult.unscored(required(doc, IndexFields.UNSCORED_REASON))
                        : SentimentResult.scored(
                                Sentiment.valueOf(label),
                                new SentimentScores(
                                        doc.path(IndexFields.SCORE_POSITIVE).asDouble(),
                                        doc.path(IndexFields.SCORE_NEGATIVE).asDouble(),
                                        doc.path(IndexFields.SCORE_NEUTRAL).asDouble(),
                                        doc.path(IndexFields.SCORE_MIXED).asDouble()));
        return new ScoredPost(
                post,
                result,
                required(doc, IndexFields.MODEL),
                Instant.parse(required(doc, IndexFields.SCORED_AT)));
    }

    /** When the document was indexed, or null when it has no such field. */
    public static Instant indexedAt(JsonNode doc) {
        String t = text(doc, IndexFields.INDEXED_AT);
        return t == null ? null : Instant.parse(t);
    }

    /** An instant as the index writes it: ISO-8601, millisecond precision. */
    public static String time(Instant t) {
        return t.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    private static void putIfPresent(ObjectNode doc, String field, String value) {
        if (value != null) {
            doc.put(field, value);
        }
    }

    private static void array(ObjectNode doc, String field, Collection<String> values) {
        ArrayNode a = doc.putArray(field);
        values.forEach(a::add);
    }

    private static String required(JsonNode doc, String field) {
        String v = text(doc, field);
        if (v == null) {
            throw new IllegalArgumentException("document lacks '" + field + "'");
        }
        return v;
    }

    private static String text(JsonNode doc, String field) {
        JsonNode n = doc.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }

    private static List<String> list(JsonNode doc, String field) {
        JsonNode n = doc.get(field);
        List<String> out = new ArrayList<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (n.isArray()) {
            n.forEach(v -> out.add(v.asText()));
        } else {
            out.add(n.asText());
        }
        return out;
    }
}
