package dev.undertone.app.testing;

import dev.undertone.app.store.IndexListener;
import dev.undertone.app.store.PostMark;
import dev.undertone.app.store.StoreFixtures;
import dev.undertone.app.store.StoredPost;
import dev.undertone.app.store.lucene.LucenePostStore;
import dev.undertone.app.store.lucene.PostDocuments;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * A real Lucene index in a test directory holding the {@link StoreFixtures} posts, with a store
 * over it and a way to index more posts the way the pipeline does (write, refresh, tell the
 * listener).
 */
public final class FixtureIndex implements AutoCloseable {
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager manager;
    private final LucenePostStore store;

    private FixtureIndex(Path dir) throws IOException {
        directory = FSDirectory.open(dir);
        writer = new IndexWriter(directory, new IndexWriterConfig(PostDocuments.analyzer()));
        manager = new SearcherManager(writer, null);
        store = new LucenePostStore(manager);
    }

    /** An index in {@code dir} holding the fixture posts, committed. */
    public static FixtureIndex withFixtures(Path dir) throws IOException {
        FixtureIndex index = new FixtureIndex(dir);
        index.add(StoreFixtures.posts(), IndexListener.NONE);
        return index;
    }

    /** The store reading this index. */
    public LucenePostStore store() {
        return store;
    }

    /**
     * Indexes posts, commits, makes them searchable, then tells the listener, as the pipeline does.
     */
    public void add(List<StoredPost> posts, IndexListener listener) throws IOException {
        for (StoredPost p : posts) {
            writer.updateDocument(
                    PostDocuments.keyTerm(p.post().post().key()),
                    PostDocuments.toDocument(p.post(), p.indexedAt()));
        }
        writer.commit();
        manager.maybeRefreshBlocking();
        listener.marked(posts.stream().map(p -> PostMark.of(p.post().post())).toList());
        listener.indexed(posts.stream().map(StoredPost::post).toList());
    }

    @Override
    public void close() throws IOException {
        store.close();
        manager.close();
        writer.close();
        directory.close();
    }
}
