package dev.undertone.opensearch;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One action of a {@code _bulk} request: index (create or replace) a document, or delete one. The
 * document id is the post key, so replays overwrite instead of duplicating.
 *
 * @param op what to do
 * @param index the concrete index (or an alias with a single write index)
 * @param id the document id: the post key, hashed when longer than OpenSearch's 512 bytes
 * @param source the document's JSON on one line for {@link Op#INDEX}, the post key (UTF-8) for
 *     {@link Op#DELETE_BY_KEY}, {@code source\nauthorId} (UTF-8) for {@link Op#DELETE_BY_AUTHOR},
 *     empty for {@link Op#DELETE}
 * @param version the change's version, newer changes of a post having higher ones (the post's
 *     revision at its source when it has one, see {@code Revisions}); OpenSearch keeps the highest
 *     ({@code version_type=external_gte}) so a retried or replayed older change never overwrites a
 *     newer one. {@link #NO_VERSION} for none
 * @param attempts how many times this action was sent before and failed
 * @param firstFailureMillis when it first failed (epoch millis), 0 when it never did
 */
public record BulkAction(
        Op op,
        String index,
        String id,
        byte[] source,
        long version,
        int attempts,
        long firstFailureMillis)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The version of an action that carries none. */
    public static final long NO_VERSION = -1;

    /** The longest {@code _id} OpenSearch accepts, in UTF-8 bytes. */
    public static final int MAX_ID_BYTES = 512;

    /** Bytes of action metadata around each document, for batch size accounting. */
    private static final int ACTION_OVERHEAD_BYTES = 48;

    /** The bulk operations Undertone uses. */
    public enum Op {
        INDEX,
        DELETE,
        /**
         * Delete the post wherever it is, by its key, across the indices behind an alias: used when
         * rotating, where a deletion does not say which index holds the post. Sent as a {@code
         * _delete_by_query}, not in the {@code _bulk} body.
         */
        DELETE_BY_KEY,
        /**
         * Delete every post of an account (deleted or taken down at its source), across the indices
         * behind an alias. Sent as a {@code _delete_by_query} on the source and author id, after
         * the {@code _bulk} actions of the same batch and a refresh, so posts written just before
         * it go too.
         */
        DELETE_BY_AUTHOR;

        /** The action name as the {@code _bulk} API spells it. */
        public String apiName() {
            return switch (this) {
                case INDEX -> "index";
                case DELETE -> "delete";
                case DELETE_BY_KEY, DELETE_BY_AUTHOR -> "delete_by_query";
            };
        }

        /**
         * Whether the action is sent as a {@code _delete_by_query}, not in a {@code _bulk} body.
         */
        public boolean byQuery() {
            return this == DELETE_BY_KEY || this == DELETE_BY_AUTHOR;
        }
    }

    public BulkAction {
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(id, "id");
        source = source == null ? new byte[0] : source;
        if (op != Op.DELETE && source.length == 0) {
            throw new IllegalArgumentException("an " + op + " action needs a document or key");
        }
    }

    /** Indexes (creates or replaces) the document of a post. */
    public static BulkAction index(String index, String postKey, byte[] document) {
        return new BulkAction(Op.INDEX, index, documentId(postKey), document, NO_VERSION, 0, 0);
    }

    /** Deletes the document of a post. */
    public static BulkAction delete(String index, String postKey) {
        return new BulkAction(Op.DELETE, index, documentId(postKey), new byte[0], NO_VERSION, 0, 0);
    }

    /** The same action carrying a version (see {@link #version}). */
    public BulkAction withVersion(long v) {
        return new BulkAction(op, index, id, source, v, attempts, firstFailureMillis);
    }

    /** Deletes a post by key from every index behind {@code alias} (rotating indices). */
    public static BulkAction deleteByKey(String alias, String postKey) {
        return new BulkAction(
                Op.DELETE_BY_KEY,
                alias,
                postKey,
                postKey.getBytes(StandardCharsets.UTF_8),
                NO_VERSION,
                0,
                0);
    }

    /**
     * Deletes every post of an account from every index behind {@code alias}.
     *
     * @param source the network's id ({@code bluesky})
     * @param authorId the account's stable id (a DID)
     */
    public static BulkAction deleteByAuthor(String alias, String source, String authorId) {
        if (source.indexOf('\n') >= 0 || authorId.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("a source or author id with a line break");
        }
        return new BulkAction(
                Op.DELETE_BY_AUTHOR,
                alias,
                source + ":" + authorId,
                (source + "\n" + authorId).getBytes(StandardCharsets.UTF_8),
                NO_VERSION,
                0,
                0);
    }

    /** The same action, counted as failed once more. */
    public BulkAction failedAt(long nowMillis) {
        return new BulkAction(
                op,
                index,
                id,
                source,
                version,
                attempts + 1,
                firstFailureMillis == 0 ? nowMillis : firstFailureMillis);
    }

    /** The approximate size of this action in a request body. */
    public long sizeInBytes() {
        return (long) source.length + id.length() + index.length() + ACTION_OVERHEAD_BYTES;
    }

    /**
     * The document id of a post: its key, or {@code sha256:<hex>} of the key when the key is longer
     * than {@link #MAX_ID_BYTES} (stable, so still idempotent).
     */
    public static String documentId(String postKey) {
        byte[] utf8 = postKey.getBytes(StandardCharsets.UTF_8);
        if (utf8.length <= MAX_ID_BYTES) {
            return postKey;
        }
        try {
            return "sha256:"
                    + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(utf8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BulkAction b
                && op == b.op
                && index.equals(b.index)
                && id.equals(b.id)
                && java.util.Arrays.equals(source, b.source)
                && version == b.version
                && attempts == b.attempts
                && firstFailureMillis == b.firstFailureMillis;
    }

    @Override
    public int hashCode() {
        return Objects.hash(op, index, id, java.util.Arrays.hashCode(source), version, attempts);
    }

    @Override
    public String toString() {
        return op.apiName() + " " + index + "/" + id + " (" + source.length + " bytes)";
    }
}
