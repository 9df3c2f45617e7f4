package dev.undertone.flink.opensearch;

import dev.undertone.core.retry.Backoff;
import dev.undertone.flink.DeadLetter;
import dev.undertone.flink.DeadLetters;
import dev.undertone.flink.IndexChange;
import dev.undertone.flink.SerializableFactory;
import dev.undertone.opensearch.BulkAction;
import dev.undertone.opensearch.BulkWriter;
import dev.undertone.opensearch.IndexSetup;
import dev.undertone.opensearch.OpenSearchClient;
import dev.undertone.opensearch.RetryAction;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.connector.base.sink.writer.AsyncSinkWriter;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.ElementConverter;
import org.apache.flink.connector.base.sink.writer.ResultHandler;
import org.apache.flink.connector.base.sink.writer.config.AsyncSinkWriterConfiguration;
import org.apache.flink.metrics.Counter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends batches with {@link BulkWriter} and acts on its {@link RetryAction}: success completes the
 * batch; retryable actions go back to Flink's buffer after an exponential backoff with full jitter
 * ({@link Backoff}; the request stays in flight meanwhile, which throttles the sink); permanent
 * failures, and actions still failing after {@code retry_max_duration_ms}, go to the dead-letter
 * topic, and only once Kafka acknowledged them is the batch complete.
 */
final class OpenSearchSinkWriter extends AsyncSinkWriter<IndexChange, BulkAction> {
    private static final Logger LOG = LoggerFactory.getLogger(OpenSearchSinkWriter.class);

    private final OpenSearchSinkConfig config;
    private final OpenSearchClient client;
    private final BulkWriter bulk;
    private final DeadLetters deadLetters;
    private final ScheduledExecutorService retryTimer;
    private final Counter sent;
    private final Counter retried;
    private final Counter discarded;

    OpenSearchSinkWriter(
            ElementConverter<IndexChange, BulkAction> converter,
            WriterInitContext context,
            OpenSearchSinkConfig config,
            int maxBatchSize,
            int maxInFlightRequests,
            int maxBufferedRequests,
            long maxBatchSizeInBytes,
            long maxTimeInBufferMs,
            long maxRecordSizeInBytes,
            long requestTimeoutMs,
            SerializableFactory<DeadLetters> deadLetters,
            Collection<BufferedRequestState<BulkAction>> state) {
        super(
                converter,
                context,
                AsyncSinkWriterConfiguration.builder()
                        .setMaxBatchSize(maxBatchSize)
                        .setMaxBatchSizeInBytes(maxBatchSizeInBytes)
                        .setMaxInFlightRequests(maxInFlightRequests)
                        .setMaxBufferedRequests(maxBufferedRequests)
                        .setMaxTimeInBufferMS(maxTimeInBufferMs)
                        .setMaxRecordSizeInBytes(maxRecordSizeInBytes)
                        .setRequestTimeoutMS(requestTimeoutMs)
                        .setFailOnTimeout(false)
                        .build(),
                state);
        this.config = config;
        this.client = new OpenSearchClient(config.cluster());
        this.bulk = new BulkWriter(client);
        try {
            this.deadLetters = deadLetters.create();
        } catch (Exception e) {
            throw new IllegalStateException("opening the dead-letter topic", e);
        }
        this.retryTimer =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "opensearch-sink-retry");
                            t.setDaemon(true);
                            return t;
                        });
        var metrics = context.metricGroup();
        this.sent = metrics.counter("component_sent_events_total");
        this.retried = metrics.counter("component_errors_total");
        this.discarded = metrics.counter("component_discarded_events_total");
        ensureIndex();
    }

    private void ensureIndex() {
        try {
            IndexSetup.ensure(client, config.shards(), config.replicas());
        } catch (IOException e) {
            // not fatal: OpenSearch may be starting; the first bulk request retries until it is up
            LOG.warn(
                    "Putting the index template in place failed; writes will retry: {}",
                    e.toString());
        }
    }

    @Override
    protected void submitRequestEntries(List<BulkAction> batch, ResultHandler<BulkAction> result) {
        bulk.writeAsync(batch)
                .whenComplete(
                        (action, failure) -> {
                            RetryAction a =
                                    failure != null
                                            ? new RetryAction.Retry(failure.toString())
                                            : action;
                            handle(batch, a, result);
                        });
    }

    private void handle(
            List<BulkAction> batch, RetryAction action, ResultHandler<BulkAction> result) {
        long now = System.currentTimeMillis();
        List<BulkAction> retry = new ArrayList<>();
        List<DeadLetter> dead = new ArrayList<>();
        List<BulkAction> deadActions = new ArrayList<>();
        String reason;
        if (action instanceof RetryAction.Success) {
            sent.inc(batch.size());
            result.complete();
            return;
        } else if (action instanceof RetryAction.Retry r) {
            reason = r.reason();
            retry.addAll(batch);
        } else if (action instanceof RetryAction.Reject r) {
            reason = r.reason();
            for (BulkAction b : batch) {
                dead.add(letter("index_rejected", r.reason(), b, now));
                deadActions.add(b);
            }
        } else {
            RetryAction.Partial p = (RetryAction.Partial) action;
            reason = p.retry().size() + " items to retry";
            p.retry().forEach(i -> retry.add(batch.get(i)));
            for (RetryAction.Rejection x : p.rejected()) {
                dead.add(letter("index_rejected", x.reason(), batch.get(x.position()), now));
                deadActions.add(batch.get(x.position()));
            }
            sent.inc(batch.size() - p.retry().size() - p.rejected().size());
        }
        List<BulkAction> again = new ArrayList<>();
        for (BulkAction b : retry) {
            BulkAction failed = b.failedAt(now);
            if (now - failed.firstFailureMillis() > config.retryMaxDurationMillis()) {
                // b, not failed: the letter counts this attempt once
                dead.add(letter("retries_exhausted", reason, b, now));
                deadActions.add(failed);
            } else {
                again.add(failed);
            }
        }
        if (dead.isEmpty()) {
            scheduleRetry(again, reason, result);
            return;
        }
        deadLetters
                .send(dead)
                .whenComplete(
                        (ok, e) -> {
                            if (e != null) {
                                // the letters are not safe yet: keep their actions and try again
                                LOG.warn(
                                        "Writing {} dead letters failed; retrying their actions: {}",
                                        dead.size(),
                                        e.toString());
                                List<BulkAction> all = new ArrayList<>(again);
                                all.addAll(deadActions);
                                scheduleRetry(all, "dead-letter topic unavailable", result);
                                return;
                            }
                            discarded.inc(dead.size());
                            LOG.error(
                                    "Dead-lettered {} actions OpenSearch refused for good; first"
                                            + " reason: {}.",
                                    dead.size(),
                                    dead.get(0).errorMessage());
                            scheduleRetry(again, reason, result);
                        });
    }

    private void scheduleRetry(
            List<BulkAction> again, String reason, ResultHandler<BulkAction> result) {
        if (again.isEmpty()) {
            result.complete();
            return;
        }
        retried.inc(again.size());
        int attempt = again.stream().mapToInt(BulkAction::attempts).max().orElse(1);
        long delay =
                Backoff.fullJitterMillis(
                        attempt,
                        config.retryInitialBackoffMillis(),
                        config.retryMaxBackoffMillis());
        if (attempt == 1 || attempt % 10 == 0) {
            LOG.warn(
                    "Indexing {} actions failed (attempt {}), retrying in {} ms: {}",
                    again.size(),
                    attempt,
                    delay,
                    reason);
        }
        retryTimer.schedule(() -> result.retryForEntries(again), delay, TimeUnit.MILLISECONDS);
    }

    private static DeadLetter letter(String code, String reason, BulkAction a, long now) {
        return new DeadLetter(
                code,
                reason,
                a.attempts() + 1,
                a.firstFailureMillis() == 0 ? now : a.firstFailureMillis(),
                a.id(),
                a.index(),
                a.source());
    }

    @Override
    protected long getSizeInBytes(BulkAction action) {
        return action.sizeInBytes();
    }

    @Override
    public void close() {
        retryTimer.shutdownNow();
        deadLetters.close();
        client.close();
        super.close();
    }
}
