package dev.undertone.flink.opensearch;

import dev.undertone.core.index.ContentWords;
import dev.undertone.core.index.opensearch.IndexRotation;
import dev.undertone.core.index.opensearch.PostJson;
import dev.undertone.core.stage.PostWrite;
import dev.undertone.flink.IndexChange;
import dev.undertone.opensearch.BulkAction;
import dev.undertone.opensearch.IndexSetup;
import dev.undertone.opensearch.OpenSearchConfig;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.connector.base.sink.writer.ElementConverter;

/**
 * Turns a change into its {@code _bulk} action: an index of the post's document under its key, a
 * delete of the key (by query across the rotated indices when rotating), or a delete by query of
 * every post of a purged account. Index and delete actions carry the change's {@link
 * IndexChange#version()}: the post's revision at its source when it has one, so OpenSearch keeps
 * the newest version in the source's order whatever order the changes arrive in.
 */
public final class IndexChangeConverter implements ElementConverter<IndexChange, BulkAction> {
    private static final long serialVersionUID = 1L;

    private final OpenSearchConfig cluster;

    public IndexChangeConverter(OpenSearchConfig cluster) {
        this.cluster = cluster;
    }

    @Override
    public BulkAction apply(IndexChange change, SinkWriter.Context context) {
        return convert(change, Instant.now());
    }

    /** The action for a change indexed at {@code now}. */
    public BulkAction convert(IndexChange change, Instant now) {
        if (change.write() instanceof PostWrite.Upsert u) {
            byte[] doc =
                    PostJson.toDocument(u.post(), now, ContentWords.of(u.post().post().text()))
                            .toString()
                            .getBytes(StandardCharsets.UTF_8);
            String index = IndexSetup.writeIndex(cluster, u.post().post().createdAt());
            return BulkAction.index(index, u.key(), doc).withVersion(change.version());
        } else if (change.write() instanceof PostWrite.PurgeAccount p) {
            return BulkAction.deleteByAuthor(cluster.index(), p.source().id(), p.authorId());
        } else if (change.write() instanceof PostWrite.Delete d) {
            if (cluster.rotation() == IndexRotation.NONE) {
                return BulkAction.delete(cluster.index(), d.key()).withVersion(change.version());
            }
            return BulkAction.deleteByKey(cluster.index(), d.key());
        }
        throw new IllegalArgumentException("no bulk action for " + change.write());
    }
}
