package dev.undertone.flink;

import dev.undertone.core.post.Revisions;
import dev.undertone.core.stage.PostWrite;

/**
 * A write for the index and the scored-posts topic, after classification, with the version that
 * lets OpenSearch refuse a stale one.
 *
 * @param write what {@code core}'s record-to-write stage asked for
 * @param version the OpenSearch external version: the post's revision at its source ({@link
 *     Revisions}) when the source gives one, else the raw record's Kafka offset ({@link
 *     RawEvent#version}); see {@link #of}
 */
public record IndexChange(PostWrite write, long version) {

    /**
     * The change for a write read at a Kafka offset. The two scales never meet for one post: a
     * post's key names its source, and a source gives a revision for every version of its posts
     * (Bluesky the commit's rev, Mastodon the edit time, X the version id) or for none (the file
     * formats), so the versions of one document are all revisions or all offsets. Revisions order
     * versions as the author made them, which offsets cannot once a source replays (a Jetstream
     * rewind sends an old create again, at a new offset).
     */
    public static IndexChange of(PostWrite write, long offset) {
        long revision =
                write instanceof PostWrite.Upsert u
                        ? u.revision()
                        : write instanceof PostWrite.Delete d ? d.revision() : Revisions.UNKNOWN;
        return new IndexChange(write, revision != Revisions.UNKNOWN ? revision : offset);
    }

    /** The key the write applies to (a post's, or an account's for the account writes). */
    public String key() {
        return write.key();
    }

    /** Whether the write is about an account rather than one post. */
    public boolean accountWrite() {
        return write instanceof PostWrite.PurgeAccount || write instanceof PostWrite.RestoreAccount;
    }
}
