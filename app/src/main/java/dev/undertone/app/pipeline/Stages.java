package dev.undertone.app.pipeline;

import dev.undertone.core.decode.RecordDecoder;

/**
 * The pure stages between the journal and the store: decode, track, classify. The same core code
 * runs here and in the Flink job.
 */
public record Stages(RecordDecoder decoder, Tracker tracker, Scorer scorer) {}
