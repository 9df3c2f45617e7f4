package dev.undertone.flink;

import dev.undertone.core.stage.PostWrite;

/**
 * A write for the index and the scored-posts topic, after classification, with the version that
 * lets OpenSearch refuse a stale one.
 *
 * @param write what {@code core}'s record-to-write stage asked for
 * @param version see {@link RawEvent#version}
 */
public record IndexChange(PostWrite write, long version) {

    /** The post key the write applies to. */
    public String key() {
        return write.key();
    }
}
