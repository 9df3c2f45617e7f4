package dev.undertone.app.store.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import dev.undertone.core.index.IndexFields;
import java.io.IOException;
import java.util.List;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

class StoredKeysTest {

    @Test
    void findsLiveKeysInEverySegmentAndNotDeletedOrAbsentOnes() throws IOException {
        try (Directory dir = new ByteBuffersDirectory();
                IndexWriter w =
                        new IndexWriter(
                                dir,
                                new IndexWriterConfig(new StandardAnalyzer())
                                        .setMergePolicy(NoMergePolicy.INSTANCE))) {
            for (List<String> segment : List.of(List.of("a", "b"), List.of("c"), List.of("d"))) {
                for (String key : segment) {
                    w.addDocument(doc(key));
                }
                w.flush();
            }
            // "a" edited into the newest segment, "c" deleted.
            w.updateDocument(new Term(IndexFields.KEY, "a"), doc("a"));
            w.deleteDocuments(new Term(IndexFields.KEY, "c"));
            w.commit();
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                assertThat(reader.leaves()).hasSizeGreaterThan(2);
                StoredKeys keys = new StoredKeys(reader);
                // Asked in an order that moves each segment's enumerator back and forth.
                for (String key : List.of("d", "a", "b", "zz", "a", "c", "b", "d")) {
                    boolean stored = !key.equals("zz") && !key.equals("c");
                    assertThat(keys.contains(key)).as(key).isEqualTo(stored);
                    if (stored) {
                        assertThat(keys.leaf().storedFields().document(keys.doc()).get("k"))
                                .isEqualTo(key);
                    }
                }
            }
        }
    }

    private static Document doc(String key) {
        Document d = new Document();
        d.add(new StringField(IndexFields.KEY, key, Field.Store.NO));
        d.add(new StoredField("k", key));
        return d;
    }
}
