package dev.undertone.flink;

import dev.undertone.core.stage.Pending;

/**
 * A raw record after decode and track: a kept post waiting for its model batch, or a write already
 * decided (a delete), with the record's version.
 *
 * @param pending what {@code core}'s {@link dev.undertone.core.stage.TrackStage} made of the record
 * @param version see {@link RawEvent#version}
 */
public record PendingChange(Pending pending, long version) {}
