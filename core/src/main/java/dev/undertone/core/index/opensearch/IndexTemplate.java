package dev.undertone.core.index.opensearch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The composable index template of the post indices ({@code PUT _index_template/<name>}): the
 * mapping of every {@link dev.undertone.core.index.IndexFields} field, strict dynamic mapping, a
 * lower-casing normalizer for the fields the API matches case-insensitively, and the read alias.
 */
public final class IndexTemplate {
    static final String RESOURCE = "/dev/undertone/core/index/opensearch-index-template.json";

    private IndexTemplate() {}

    /**
     * The template body.
     *
     * @param pattern the index pattern it applies to (see {@link IndexRotation#pattern})
     * @param alias the alias every matching index joins, which the store reads; null for none
     * @param shards primary shards per index
     * @param replicas replicas per shard (0 on a single node)
     */
    public static String body(String pattern, String alias, int shards, int replicas) {
        if (shards < 1) {
            throw new IllegalArgumentException("shards must be >= 1");
        }
        if (replicas < 0) {
            throw new IllegalArgumentException("replicas must be >= 0");
        }
        String raw = raw();
        String aliases = alias == null ? "{}" : "{\"" + alias + "\": {}}";
        return raw.replace("\"${index_pattern}\"", quote(pattern))
                .replace("\"${shards}\"", Integer.toString(shards))
                .replace("\"${replicas}\"", Integer.toString(replicas))
                .replace("{\"${alias}\": {}}", aliases);
    }

    /** The template resource as shipped, with its {@code ${...}} placeholders. */
    public static String raw() {
        try (InputStream in = IndexTemplate.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + RESOURCE, e);
        }
    }

    private static String quote(String s) {
        return PostJson.mapper().getNodeFactory().textNode(s).toString();
    }
}
