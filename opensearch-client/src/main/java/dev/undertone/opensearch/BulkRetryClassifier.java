package dev.undertone.opensearch;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides, as a pure function of the response, what happens to each action of a {@code _bulk}
 * request: 429 and 5xx are retried (the write queue was full, a shard was unavailable), other 4xx
 * are permanent and go to the dead-letter topic, as Data Prepper's OpenSearch sink does. A delete
 * of a missing document is a success, and so is a version conflict of a versioned action (a newer
 * version of the post is already stored). A network error or timeout retries everything, which is
 * safe because document ids are post keys.
 */
public final class BulkRetryClassifier {
    private static final int TOO_MANY_REQUESTS = 429;
    private static final int SERVER_ERROR = 500;
    private static final int PAYLOAD_TOO_LARGE = 413;
    private static final int CONFLICT = 409;

    private BulkRetryClassifier() {}

    /**
     * Classifies a response to a request of {@code sent} actions.
     *
     * @param httpStatus the response status
     * @param response the parsed body when the status is 200, else null
     * @param sent the actions the request held, in order
     */
    public static RetryAction classify(
            int httpStatus, BulkResponse response, List<BulkAction> sent) {
        return classify(
                httpStatus,
                response,
                sent.size(),
                i -> sent.get(i).version() != BulkAction.NO_VERSION);
    }

    /**
     * Classifies a response to a request of {@code sent} actions that carried no versions.
     *
     * @param httpStatus the response status
     * @param response the parsed body when the status is 200, else null
     * @param sent how many actions the request held
     */
    public static RetryAction classify(int httpStatus, BulkResponse response, int sent) {
        return classify(httpStatus, response, sent, i -> false);
    }

    private static RetryAction classify(
            int httpStatus,
            BulkResponse response,
            int sent,
            java.util.function.IntPredicate versioned) {
        if (httpStatus == TOO_MANY_REQUESTS || httpStatus >= SERVER_ERROR) {
            return new RetryAction.Retry("OpenSearch answered HTTP " + httpStatus);
        }
        if (httpStatus == PAYLOAD_TOO_LARGE) {
            return new RetryAction.Reject(
                    "the request body is larger than OpenSearch accepts (HTTP 413): lower"
                            + " max_batch_bytes");
        }
        if (httpStatus < 200 || httpStatus >= 300) {
            return new RetryAction.Reject("OpenSearch refused the request with HTTP " + httpStatus);
        }
        if (response == null || response.items().size() != sent) {
            return new RetryAction.Retry(
                    "the _bulk response does not hold one item per action ("
                            + (response == null ? 0 : response.items().size())
                            + " for "
                            + sent
                            + ")");
        }
        List<Integer> retry = new ArrayList<>();
        List<RetryAction.Rejection> rejected = new ArrayList<>();
        for (int i = 0; i < sent; i++) {
            BulkResponse.Item item = response.items().get(i);
            switch (classify(item, versioned.test(i))) {
                case OK -> {}
                case RETRY -> retry.add(i);
                case REJECT ->
                        rejected.add(
                                new RetryAction.Rejection(
                                        i,
                                        item.status(),
                                        item.errorType() + ": " + item.errorReason()));
            }
        }
        if (retry.isEmpty() && rejected.isEmpty()) {
            return new RetryAction.Success();
        }
        return new RetryAction.Partial(retry, rejected);
    }

    /** Classifies a request that got no response (connection refused, reset, timed out). */
    public static RetryAction classify(Throwable failure) {
        return new RetryAction.Retry("sending to OpenSearch failed: " + failure);
    }

    /** What happened to one item. */
    enum ItemVerdict {
        OK,
        RETRY,
        REJECT
    }

    static ItemVerdict classify(BulkResponse.Item item, boolean versioned) {
        if (!item.failed()) {
            return ItemVerdict.OK;
        }
        if (versioned && item.status() == CONFLICT) {
            // the index already holds this version or a newer one: nothing left to do
            return ItemVerdict.OK;
        }
        int s = item.status();
        if (s == TOO_MANY_REQUESTS || s >= SERVER_ERROR || s == 0) {
            return ItemVerdict.RETRY;
        }
        return ItemVerdict.REJECT;
    }
}
