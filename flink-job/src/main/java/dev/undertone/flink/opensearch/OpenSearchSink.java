package dev.undertone.flink.opensearch;

import dev.undertone.flink.DeadLetters;
import dev.undertone.flink.IndexChange;
import dev.undertone.flink.SerializableFactory;
import dev.undertone.opensearch.BulkAction;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.apache.flink.api.connector.sink2.StatefulSinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.connector.base.sink.AsyncSinkBase;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * Writes index changes to OpenSearch with the {@code _bulk} API. Flink 2.x has no OpenSearch
 * connector, so this one is built on {@link AsyncSinkBase}: Flink batches actions by count, bytes
 * and time, keeps unsent ones in checkpoints, and applies backpressure; {@link
 * OpenSearchSinkWriter} sends, classifies each item's result, retries 429/5xx with backoff and
 * dead-letters permanent failures.
 *
 * <p>Document ids are post keys and actions carry versions, so the at-least-once delivery of the
 * job still leaves every post exactly once, at its newest version, in the index.
 */
public final class OpenSearchSink extends AsyncSinkBase<IndexChange, BulkAction> {
    private static final long serialVersionUID = 1L;

    /** Generous: retries with backoff complete a request late, and a timeout would resend it. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(10);

    private static final long MAX_RECORD_BYTES = 1L << 20;

    private final OpenSearchSinkConfig config;
    private final SerializableFactory<DeadLetters> deadLetters;

    public OpenSearchSink(
            OpenSearchSinkConfig config, SerializableFactory<DeadLetters> deadLetters) {
        super(
                new IndexChangeConverter(config.cluster()),
                config.maxBatchSize(),
                config.maxInFlightRequests(),
                config.maxBufferedRequests(),
                config.maxBatchBytes(),
                config.maxTimeInBufferMillis(),
                Math.min(MAX_RECORD_BYTES, config.maxBatchBytes()),
                REQUEST_TIMEOUT.toMillis(),
                false);
        this.config = config;
        this.deadLetters = deadLetters;
    }

    @Override
    public StatefulSinkWriter<IndexChange, BufferedRequestState<BulkAction>> createWriter(
            WriterInitContext context) {
        return restoreWriter(context, List.of());
    }

    @Override
    public StatefulSinkWriter<IndexChange, BufferedRequestState<BulkAction>> restoreWriter(
            WriterInitContext context, Collection<BufferedRequestState<BulkAction>> state) {
        return new OpenSearchSinkWriter(
                getElementConverter(),
                context,
                config,
                getMaxBatchSize(),
                getMaxInFlightRequests(),
                getMaxBufferedRequests(),
                getMaxBatchSizeInBytes(),
                getMaxTimeInBufferMS(),
                getMaxRecordSizeInBytes(),
                getRequestTimeoutMS(),
                deadLetters,
                state);
    }

    @Override
    public SimpleVersionedSerializer<BufferedRequestState<BulkAction>> getWriterStateSerializer() {
        return new BulkActionStateSerializer();
    }
}
