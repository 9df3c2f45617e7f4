package dev.undertone.flink;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Where records that failed for good are kept: the dead-letter Kafka topic in production. Built on
 * the task manager from a {@link SerializableFactory}.
 */
public interface DeadLetters extends AutoCloseable {

    /**
     * Stores the letters durably.
     *
     * @return completes once every letter is stored (acknowledged by Kafka), exceptionally when one
     *     could not be; the caller then keeps and retries the records
     */
    CompletableFuture<Void> send(List<DeadLetter> letters);

    @Override
    void close();
}
