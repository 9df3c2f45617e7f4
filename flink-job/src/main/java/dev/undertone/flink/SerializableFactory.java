package dev.undertone.flink;

import java.io.Serializable;

/**
 * Builds something that cannot travel with the job graph (a model, a decoder, a client) on the task
 * manager, in an operator's {@code open()}.
 *
 * @param <T> what it builds
 */
@FunctionalInterface
public interface SerializableFactory<T> extends Serializable {
    /** Builds a new instance; called once per parallel operator instance. */
    T create() throws Exception;
}
