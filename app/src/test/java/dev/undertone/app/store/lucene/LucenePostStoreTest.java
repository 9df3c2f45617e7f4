package dev.undertone.app.store.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.undertone.app.store.PostFilter;
import dev.undertone.app.store.PostStore;
import dev.undertone.app.store.PostStoreContract;
import dev.undertone.app.store.StoreException;
import dev.undertone.app.store.StoreFixtures;
import dev.undertone.app.store.StoredPost;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on a real Lucene index written the way the pipeline's writer writes it. */
class LucenePostStoreTest extends PostStoreContract {
    @TempDir Path dir;
    private Directory directory;
    private IndexWriter writer;
    private SearcherManager manager;

    @Override
    protected PostStore storeWith(List<StoredPost> posts) throws IOException {
        directory = FSDirectory.open(dir.resolve("index"));
        writer = new IndexWriter(directory, new IndexWriterConfig(PostDocuments.analyzer()));
        write(writer, posts);
        manager = new SearcherManager(writer, null);
        return new LucenePostStore(manager);
    }

    static void write(IndexWriter writer, List<StoredPost> posts) throws IOException {
        for (int i = 0; i < posts.size(); i++) {
            StoredPost p = posts.get(i);
            writer.updateDocument(
                    PostDocuments.keyTerm(p.post().post().key()),
                    PostDocuments.toDocument(p.post(), p.indexedAt()));
            if (i == posts.size() / 2) {
                // Two segments, so per-segment ordinals and merging are exercised.
                writer.commit();
            }
        }
        writer.commit();
    }

    @AfterEach
    void closeIndex() throws IOException {
        if (manager != null) {
            manager.close();
            writer.close();
            directory.close();
        }
    }

    @Test
    void aReadOnlyStoreSeesTheCommittedIndexAndLaterCommits() throws IOException {
        try (LucenePostStore ro = LucenePostStore.openReadOnly(dir.resolve("index"))) {
            assertThat(ro.summary(PostFilter.ALL).total()).isEqualTo(12);
        }
    }

    @Test
    void updatingAPostByKeyReplacesIt() throws IOException {
        StoredPost first = StoreFixtures.posts().get(0);
        writer.updateDocument(
                PostDocuments.keyTerm(first.post().post().key()),
                PostDocuments.toDocument(first.post(), first.indexedAt()));
        manager.maybeRefreshBlocking();

        try (LucenePostStore store = new LucenePostStore(manager)) {
            assertThat(store.summary(PostFilter.ALL).total()).isEqualTo(12);
        }
    }

    @Test
    void openingAMissingIndexSaysWhatToRun() {
        assertThatThrownBy(() -> LucenePostStore.openReadOnly(dir.resolve("nothing")))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("no index at")
                .hasMessageContaining("replay");
    }
}
