package dev.undertone.opensearch;

import dev.undertone.core.index.opensearch.IndexRotation;
import dev.undertone.core.index.opensearch.IndexTemplate;
import java.io.IOException;

/**
 * Puts the index template in place (and, when not rotating, creates the index) before the first
 * write. Idempotent: safe to run on every start of a writer.
 */
public final class IndexSetup {
    private static final int NOT_FOUND = 404;

    private IndexSetup() {}

    /**
     * Ensures the template of {@code config}'s indices exists, and the index itself when not
     * rotating.
     *
     * @param shards primary shards per index (more shards spread writes over more nodes)
     * @param replicas replicas per shard
     * @throws IOException when OpenSearch cannot be reached or refuses the template
     */
    public static void ensure(OpenSearchClient client, int shards, int replicas)
            throws IOException {
        OpenSearchConfig c = client.config();
        String pattern = c.rotation().pattern(c.index());
        String alias = c.rotation() == IndexRotation.NONE ? null : c.index();
        client.call(
                "putting the index template for '" + pattern + "'",
                "PUT",
                "/_index_template/" + c.index(),
                IndexTemplate.body(pattern, alias, shards, replicas));
        if (c.rotation() != IndexRotation.NONE) {
            return;
        }
        OpenSearchClient.Response head = client.send("HEAD", "/" + c.index(), null);
        if (head.status() != NOT_FOUND) {
            return;
        }
        OpenSearchClient.Response created = client.send("PUT", "/" + c.index(), "{}");
        if (!created.ok() && !created.text().contains("resource_already_exists_exception")) {
            throw new IOException(
                    "creating index '"
                            + c.index()
                            + "': OpenSearch answered HTTP "
                            + created.status()
                            + ": "
                            + OpenSearchClient.abbreviate(created.text()));
        }
    }

    /**
     * The index an upsert of a post created at {@code createdAtMillis} goes to.
     *
     * @see IndexRotation#indexFor
     */
    public static String writeIndex(OpenSearchConfig c, java.time.Instant createdAt) {
        return c.rotation().indexFor(c.index(), createdAt);
    }
}
