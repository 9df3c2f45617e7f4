package dev.undertone.opensearch;

import java.util.List;

/** What to do with a sent {@code _bulk} request, as {@link BulkRetryClassifier} decides. */
public sealed interface RetryAction {

    /** Every action was applied. */
    record Success() implements RetryAction {}

    /** Nothing can be said about the actions (429, 5xx, network error): send them all again. */
    record Retry(String reason) implements RetryAction {}

    /**
     * The request was processed item by item and some items failed.
     *
     * @param retry positions (in request order) of the actions to send again (429, 5xx items)
     * @param rejected positions of the actions that failed for good, with why
     */
    record Partial(List<Integer> retry, List<Rejection> rejected) implements RetryAction {
        public Partial {
            retry = List.copyOf(retry);
            rejected = List.copyOf(rejected);
        }
    }

    /** The whole request failed for good (401, 403, 413, another 4xx): dead-letter every action. */
    record Reject(String reason) implements RetryAction {}

    /**
     * A permanently failed action.
     *
     * @param position its position in the request
     * @param status the item's HTTP status
     * @param reason the error type and reason, for the dead letter
     */
    record Rejection(int position, int status, String reason) {}
}
