package dev.undertone.app.store.lucene;

import dev.undertone.app.store.PostFilter;
import dev.undertone.app.store.StoredPost;
import dev.undertone.core.index.ContentWords;
import dev.undertone.core.index.IndexFields;
import dev.undertone.core.post.Post;
import dev.undertone.core.post.PostSource;
import dev.undertone.core.post.Revisions;
import dev.undertone.core.post.ScoredPost;
import dev.undertone.core.sentiment.Sentiment;
import dev.undertone.core.sentiment.SentimentResult;
import dev.undertone.core.sentiment.SentimentScores;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoubleDocValuesField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.Term;
import org.apache.lucene.util.BytesRef;

/**
 * Turns a {@link ScoredPost} into the Lucene document the index stores, and back.
 *
 * <p>Field layout (names from {@link IndexFields}): keyword filters are indexed {@link
 * StringField}s (lower-cased where the API matches case-insensitively) with doc values for
 * counting: sorted for single-valued {@code sentiment}, {@code source}, {@code unscored_reason},
 * {@code key}; sorted-set for {@code lang}, {@code hashtags}, {@code mentions}, {@code tracks},
 * {@code words}. Times are {@link LongPoint}s (epoch millis) with numeric doc values. The key and
 * the text are stored fields; everything else needed to rebuild the post, as written, is one
 * compact stored value ({@link StoredPostCodec}). Documents written before that value existed have
 * a stored field per value and are read as such. The text is analysed with {@link #analyzer()},
 * which the writer's {@code IndexWriterConfig} must use (it is Lucene's default {@link
 * StandardAnalyzer}).
 */
public final class PostDocuments {

    /**
     * Keyword values longer than this many UTF-8 bytes are stored but not indexed: Lucene refuses
     * terms over 32 KiB, and an untrusted post must never make a write fail. (Such a value leaves
     * its field out of the document altogether: a field that is only stored in one document but
     * indexed in others is refused as a change of the field's schema.)
     */
    static final int MAX_KEYWORD_BYTES = 1024;

    private static final String TRUE = "true";

    /**
     * The stored field holding everything but the key and the text (see {@link StoredPostCodec}).
     * Lucene-only: the OpenSearch documents keep their JSON source.
     */
    static final String STORED_POST = "stored_post";

    private PostDocuments() {}

    /** The analyser of the {@code text} field, for indexing and for full-text queries. */
    public static Analyzer analyzer() {
        return new StandardAnalyzer();
    }

    /** The term that identifies a post's document, for {@code updateDocument} and deletes. */
    public static Term keyTerm(String key) {
        return new Term(IndexFields.KEY, key);
    }

    /**
     * The document for a post.
     *
     * @param scored the post with its sentiment
     * @param indexedAt when the writer indexes it
     */
    public static Document toDocument(ScoredPost scored, Instant indexedAt) {
        Post p = scored.post();
        SentimentResult r = scored.sentiment();
        Document doc = new Document();
        doc.add(new StringField(IndexFields.KEY, p.key(), Field.Store.YES));
        doc.add(new SortedDocValuesField(IndexFields.KEY, new BytesRef(p.key())));
        doc.add(new StoredField(STORED_POST, StoredPostCodec.encode(scored, indexedAt)));
        single(doc, IndexFields.SOURCE, p.source().id());
        time(doc, IndexFields.CREATED_AT, p.createdAt());
        time(doc, IndexFields.INDEXED_AT, indexedAt);
        keyword(doc, IndexFields.AUTHOR, p.authorHandle());
        keyword(doc, IndexFields.AUTHOR_ID, p.authorId());
        if (p.revision() != Revisions.UNKNOWN) {
            // doc values: the writer compares an incoming version with the stored one
            doc.add(new NumericDocValuesField(IndexFields.REVISION, p.revision()));
        }
        doc.add(new TextField(IndexFields.TEXT, p.text(), Field.Store.YES));
        Set<String> langKeys = new LinkedHashSet<>();
        for (String lang : p.langs()) {
            langKeys.addAll(PostFilter.langKeys(lang));
        }
        multi(doc, IndexFields.LANG, langKeys);
        lowerCased(doc, IndexFields.HASHTAGS, p.hashtags());
        lowerCased(doc, IndexFields.MENTIONS, p.mentions());
        multi(doc, IndexFields.TRACKS, p.tracks());
        countedOnly(doc, IndexFields.WORDS, ContentWords.of(p.text()));
        single(doc, IndexFields.SENTIMENT, PostFilter.sentimentOf(scored));
        if (r.isScored()) {
            SentimentScores s = r.scores();
            score(doc, IndexFields.SCORE_POSITIVE, s.positive());
            score(doc, IndexFields.SCORE_NEGATIVE, s.negative());
            score(doc, IndexFields.SCORE_NEUTRAL, s.neutral());
            score(doc, IndexFields.SCORE_MIXED, s.mixed());
            score(doc, IndexFields.CONFIDENCE, r.confidence());
        } else {
            single(doc, IndexFields.UNSCORED_REASON, r.unscoredReason());
        }
        keyword(doc, IndexFields.MODEL, scored.modelId());
        flag(doc, IndexFields.REPLY, p.reply());
        flag(doc, IndexFields.REPOST, p.repost());
        flag(doc, IndexFields.QUOTE, p.quote());
        return doc;
    }

    /**
     * Rebuilds the stored post from a document's stored fields. Times come back at millisecond
     * precision.
     */
    public static StoredPost fromDocument(Document doc) {
        BytesRef stored = doc.getBinaryValue(STORED_POST);
        if (stored != null) {
            return StoredPostCodec.decode(stored, doc.get(IndexFields.TEXT));
        }
        return fromFieldsPerValue(doc);
    }

    /**
     * Rebuilds a post written before the stored value of {@link StoredPostCodec}, when every value
     * was a stored field of its own.
     */
    private static StoredPost fromFieldsPerValue(Document doc) {
        Post post =
                new Post(
                        PostSource.fromId(doc.get(IndexFields.SOURCE)),
                        doc.get(IndexFields.ID),
                        instant(doc, IndexFields.CREATED_AT),
                        doc.get(IndexFields.AUTHOR),
                        doc.get(IndexFields.AUTHOR_ID),
                        doc.get(IndexFields.TEXT),
                        List.of(doc.getValues(IndexFields.LANG)),
                        doc.get(IndexFields.URL),
                        List.of(doc.getValues(IndexFields.HASHTAGS)),
                        List.of(doc.getValues(IndexFields.MENTIONS)),
                        TRUE.equals(doc.get(IndexFields.REPLY)),
                        TRUE.equals(doc.get(IndexFields.REPOST)),
                        TRUE.equals(doc.get(IndexFields.QUOTE)),
                        List.of(doc.getValues(IndexFields.TRACKS)),
                        List.of() /* links are not stored */);
        IndexableField revision = doc.getField(IndexFields.REVISION);
        if (revision != null) {
            post = post.withRevision(revision.numericValue().longValue());
        }
        String label = doc.get(IndexFields.SENTIMENT);
        SentimentResult result =
                IndexFields.UNSCORED.equals(label)
                        ? SentimentResult.unscored(doc.get(IndexFields.UNSCORED_REASON))
                        : SentimentResult.scored(
                                Sentiment.valueOf(label),
                                new SentimentScores(
                                        number(doc, IndexFields.SCORE_POSITIVE),
                                        number(doc, IndexFields.SCORE_NEGATIVE),
                                        number(doc, IndexFields.SCORE_NEUTRAL),
                                        number(doc, IndexFields.SCORE_MIXED)));
        ScoredPost scored =
                new ScoredPost(
                        post,
                        result,
                        doc.get(IndexFields.MODEL),
                        instant(doc, IndexFields.SCORED_AT));
        return new StoredPost(scored, instant(doc, IndexFields.INDEXED_AT));
    }

    private static void single(Document doc, String field, String value) {
        if (indexable(value)) {
            doc.add(new StringField(field, value, Field.Store.NO));
            doc.add(new SortedDocValuesField(field, new BytesRef(value)));
        }
    }

    private static void keyword(Document doc, String field, String value) {
        if (value != null && indexable(value)) {
            doc.add(new StringField(field, value, Field.Store.NO));
        }
    }

    private static void lowerCased(Document doc, String field, List<String> values) {
        if (values.isEmpty()) {
            return;
        }
        Set<String> lower = new LinkedHashSet<>();
        for (String v : values) {
            lower.add(v.toLowerCase(Locale.ROOT));
        }
        multi(doc, field, lower);
    }

    private static void multi(Document doc, String field, Iterable<String> values) {
        for (String v : values) {
            if (indexable(v)) {
                doc.add(new StringField(field, v, Field.Store.NO));
                doc.add(new SortedSetDocValuesField(field, new BytesRef(v)));
            }
        }
    }

    /**
     * Values only counted by the top-terms query, never searched: doc values without the inverted
     * index, which would double the cost of indexing a post's words.
     */
    private static void countedOnly(Document doc, String field, Iterable<String> values) {
        for (String v : values) {
            if (indexable(v)) {
                doc.add(new SortedSetDocValuesField(field, new BytesRef(v)));
            }
        }
    }

    private static boolean indexable(String value) {
        if (value.isEmpty()) {
            return false;
        }
        // A char never takes more than 3 UTF-8 bytes, so most values need no encoding to check.
        return value.length() * 3 <= MAX_KEYWORD_BYTES
                || value.getBytes(StandardCharsets.UTF_8).length <= MAX_KEYWORD_BYTES;
    }

    private static void time(Document doc, String field, Instant t) {
        long millis = t.toEpochMilli();
        doc.add(new LongPoint(field, millis));
        doc.add(new NumericDocValuesField(field, millis));
    }

    private static void score(Document doc, String field, double value) {
        doc.add(new DoubleDocValuesField(field, value));
    }

    private static void flag(Document doc, String field, boolean value) {
        doc.add(new StringField(field, Boolean.toString(value), Field.Store.NO));
    }

    private static Instant instant(Document doc, String field) {
        IndexableField f = doc.getField(field);
        return Instant.ofEpochMilli(f.numericValue().longValue());
    }

    private static double number(Document doc, String field) {
        return doc.getField(field).numericValue().doubleValue();
    }
}
