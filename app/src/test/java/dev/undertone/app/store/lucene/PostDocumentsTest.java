package dev.undertone.app.store.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import dev.undertone.app.store.PostFilter;
import dev.undertone.app.store.StoreFixtures;
import dev.undertone.app.store.StoredPost;
import dev.undertone.app.store.TermField;
import dev.undertone.core.index.IndexFields;
import dev.undertone.core.post.Post;
import dev.undertone.core.post.PostSource;
import dev.undertone.core.post.ScoredPost;
import dev.undertone.core.post.TestPosts;
import dev.undertone.core.sentiment.SentimentResult;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/**
 * Posts go into a real Lucene index as documents and come back as written: with the compact stored
 * value, and from documents of the earlier layout (a stored field per value) that an existing index
 * still holds.
 */
class PostDocumentsTest {
    private static final Instant T = Instant.parse("2025-05-04T10:11:12.345Z");

    @Test
    void everyPartOfAPostComesBackAsWritten() throws IOException {
        List<StoredPost> posts = new ArrayList<>(StoreFixtures.posts());
        posts.add(unusual());
        try (Directory dir = new ByteBuffersDirectory()) {
            write(dir, posts, PostDocuments::toDocument);
            assertThat(readAll(dir)).containsExactlyInAnyOrderElementsOf(posts);
        }
    }

    @Test
    void documentsOfTheEarlierLayoutAreReadAndTakeNewOnesBeside() throws IOException {
        List<StoredPost> old = StoreFixtures.posts().subList(0, 6);
        List<StoredPost> fresh = StoreFixtures.posts().subList(6, 12);
        try (Directory dir = new ByteBuffersDirectory()) {
            write(dir, old, PostDocumentsTest::earlierLayout);
            // The same field names with the same index options: the writer must accept both.
            write(dir, fresh, PostDocuments::toDocument);
            List<StoredPost> all = new ArrayList<>(old);
            all.addAll(fresh);
            assertThat(readAll(dir)).containsExactlyInAnyOrderElementsOf(all);
            try (IndexWriter w = writer(dir);
                    LucenePostStore store = new LucenePostStore(new SearcherManager(w, null))) {
                // Filters and counts run over the indexed fields of both layouts alike.
                assertThat(store.summary(PostFilter.ALL).total()).isEqualTo(12);
                assertThat(
                                store
                                        .terms(PostFilter.ALL, TermField.HASHTAGS, 10)
                                        .overall()
                                        .stream()
                                        .filter(t -> t.term().equals("football"))
                                        .findFirst()
                                        .orElseThrow()
                                        .count())
                        .as("#football: posts 7 and 9 (old layout), 12 (new)")
                        .isEqualTo(3);
            }
        }
    }

    @Test
    void aKeywordTooLongToIndexDoesNotFailTheWriteAndIsKeptAsWritten() throws IOException {
        String longTag = "x".repeat(PostDocuments.MAX_KEYWORD_BYTES + 1);
        StoredPost tagged = StoreFixtures.posts().get(0);
        Post only = TestPosts.post(PostSource.FILE, "long", T, "one long tag").build();
        StoredPost withLongTag =
                new StoredPost(
                        new ScoredPost(
                                withHashtags(only, List.of(longTag)),
                                StoreFixtures.positive(0.9),
                                "m",
                                T),
                        T);
        try (Directory dir = new ByteBuffersDirectory()) {
            // The first post indexes 'hashtags'; the second has only a value too long to index.
            write(dir, List.of(tagged, withLongTag), PostDocuments::toDocument);
            assertThat(readAll(dir)).containsExactlyInAnyOrder(tagged, withLongTag);
        }
    }

    /** A post with what the fixtures lack: a revision, no author or url, two languages, emoji. */
    private static StoredPost unusual() {
        Post p =
                TestPosts.post(PostSource.BLUESKY, "did:plc:abc/3kq", T, "Ça va 👍🏽 très bien")
                        .langs(List.of("fr", "en-GB"))
                        .hashtags(List.of("Été"))
                        .repost(true)
                        .revision(123_456_789_012L)
                        .build();
        return new StoredPost(
                new ScoredPost(
                        p,
                        SentimentResult.unscored(SentimentResult.UNSUPPORTED_LANGUAGE),
                        "fast-2/fr",
                        T.plusMillis(7)),
                T.plusSeconds(2));
    }

    private static Post withHashtags(Post p, List<String> tags) {
        return new Post(
                p.source(),
                p.id(),
                p.createdAt(),
                p.authorHandle(),
                p.authorId(),
                p.text(),
                p.langs(),
                p.url(),
                tags,
                p.mentions(),
                p.reply(),
                p.repost(),
                p.quote(),
                p.tracks(),
                List.of(),
                p.revision());
    }

    private interface ToDocument {
        Document of(ScoredPost post, Instant indexedAt);
    }

    private static IndexWriter writer(Directory dir) throws IOException {
        return new IndexWriter(dir, new IndexWriterConfig(PostDocuments.analyzer()));
    }

    private static void write(Directory dir, List<StoredPost> posts, ToDocument layout)
            throws IOException {
        try (IndexWriter w = writer(dir)) {
            for (StoredPost p : posts) {
                w.addDocument(layout.of(p.post(), p.indexedAt()));
            }
            w.commit();
        }
    }

    private static List<StoredPost> readAll(Directory dir) throws IOException {
        List<StoredPost> out = new ArrayList<>();
        try (DirectoryReader r = DirectoryReader.open(dir)) {
            var stored = r.storedFields();
            for (int i = 0; i < r.maxDoc(); i++) {
                out.add(PostDocuments.fromDocument(stored.document(i)));
            }
        }
        return out;
    }

    /**
     * A document as the writer built them before the compact stored value: every value a stored
     * field of its own, beside the same indexed fields and doc values as now.
     */
    private static Document earlierLayout(ScoredPost scored, Instant indexedAt) {
        Post p = scored.post();
        SentimentResult r = scored.sentiment();
        Document doc = new Document();
        doc.add(new StringField(IndexFields.KEY, p.key(), Field.Store.YES));
        doc.add(new SortedDocValuesField(IndexFields.KEY, new BytesRef(p.key())));
        single(doc, IndexFields.SOURCE, p.source().id());
        doc.add(new StoredField(IndexFields.ID, p.id()));
        time(doc, IndexFields.CREATED_AT, p.createdAt());
        time(doc, IndexFields.INDEXED_AT, indexedAt);
        doc.add(new StoredField(IndexFields.SCORED_AT, scored.scoredAt().toEpochMilli()));
        doc.add(new StoredField(IndexFields.AUTHOR, p.authorHandle()));
        doc.add(new StringField(IndexFields.AUTHOR, p.authorHandle(), Field.Store.NO));
        doc.add(new StoredField(IndexFields.AUTHOR_ID, p.authorId()));
        doc.add(new StringField(IndexFields.AUTHOR_ID, p.authorId(), Field.Store.NO));
        doc.add(new TextField(IndexFields.TEXT, p.text(), Field.Store.YES));
        doc.add(new StoredField(IndexFields.URL, p.url()));
        for (String lang : p.langs()) {
            doc.add(new StoredField(IndexFields.LANG, lang));
            for (String k : PostFilter.langKeys(lang)) {
                multi(doc, IndexFields.LANG, k);
            }
        }
        for (Map.Entry<String, List<String>> e :
                Map.of(
                                IndexFields.HASHTAGS, p.hashtags(),
                                IndexFields.MENTIONS, p.mentions(),
                                IndexFields.TRACKS, p.tracks())
                        .entrySet()) {
            for (String v : e.getValue()) {
                doc.add(new StoredField(e.getKey(), v));
                multi(doc, e.getKey(), v.toLowerCase(java.util.Locale.ROOT));
            }
        }
        single(doc, IndexFields.SENTIMENT, PostFilter.sentimentOf(scored));
        if (r.isScored()) {
            score(doc, IndexFields.SCORE_POSITIVE, r.scores().positive());
            score(doc, IndexFields.SCORE_NEGATIVE, r.scores().negative());
            score(doc, IndexFields.SCORE_NEUTRAL, r.scores().neutral());
            score(doc, IndexFields.SCORE_MIXED, r.scores().mixed());
            score(doc, IndexFields.CONFIDENCE, r.confidence());
        } else {
            single(doc, IndexFields.UNSCORED_REASON, r.unscoredReason());
        }
        doc.add(new StringField(IndexFields.MODEL, scored.modelId(), Field.Store.YES));
        doc.add(new StringField(IndexFields.REPLY, Boolean.toString(p.reply()), Field.Store.YES));
        doc.add(new StringField(IndexFields.REPOST, Boolean.toString(p.repost()), Field.Store.YES));
        doc.add(new StringField(IndexFields.QUOTE, Boolean.toString(p.quote()), Field.Store.YES));
        return doc;
    }

    private static void single(Document doc, String field, String value) {
        doc.add(new StoredField(field, value));
        doc.add(new StringField(field, value, Field.Store.NO));
        doc.add(new SortedDocValuesField(field, new BytesRef(value)));
    }

    private static void multi(Document doc, String field, String value) {
        doc.add(new StringField(field, value, Field.Store.NO));
        doc.add(new SortedSetDocValuesField(field, new BytesRef(value)));
    }

    private static void time(Document doc, String field, Instant t) {
        doc.add(new LongPoint(field, t.toEpochMilli()));
        doc.add(new NumericDocValuesField(field, t.toEpochMilli()));
        doc.add(new StoredField(field, t.toEpochMilli()));
    }

    private static void score(Document doc, String field, double value) {
        doc.add(new DoubleDocValuesField(field, value));
        doc.add(new StoredField(field, value));
    }
}
