package dev.undertone.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.undertone.core.index.IndexFields;
import dev.undertone.core.index.opensearch.PostJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Sends actions to OpenSearch and says what became of each: {@code _bulk} for index and delete
 * actions, one {@code _delete_by_query} on the key for deletes across rotated indices. It does not
 * retry: the caller (the Flink sink, a benchmark) owns retries and backoff, following the {@link
 * RetryAction} returned.
 */
public final class BulkWriter {
    private static final String BULK_PATH =
            "/_bulk?filter_path=errors,items.*.status,items.*._id,"
                    + "items.*.result,items.*.error.type,items.*.error.reason";

    private final OpenSearchClient client;

    public BulkWriter(OpenSearchClient client) {
        this.client = client;
    }

    /**
     * Writes the actions without waiting.
     *
     * @return what to do next; positions in it refer to {@code actions}. Never completes
     *     exceptionally: network errors become {@link RetryAction.Retry}.
     */
    public CompletableFuture<RetryAction> writeAsync(List<BulkAction> actions) {
        List<Integer> bulkPositions = new ArrayList<>();
        List<BulkAction> bulk = new ArrayList<>();
        List<Integer> byKeyPositions = new ArrayList<>();
        List<String> byKeyAliases = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        List<Integer> byAuthorPositions = new ArrayList<>();
        List<BulkAction> byAuthor = new ArrayList<>();
        for (int i = 0; i < actions.size(); i++) {
            BulkAction a = actions.get(i);
            if (a.op() == BulkAction.Op.DELETE_BY_AUTHOR) {
                byAuthorPositions.add(i);
                byAuthor.add(a);
            } else if (a.op() == BulkAction.Op.DELETE_BY_KEY) {
                byKeyPositions.add(i);
                byKeyAliases.add(a.index());
                keys.add(new String(a.source(), StandardCharsets.UTF_8));
            } else {
                bulkPositions.add(i);
                bulk.add(a);
            }
        }
        CompletableFuture<RetryAction> bulkDone =
                bulk.isEmpty()
                        ? CompletableFuture.completedFuture(new RetryAction.Success())
                        : sendBulk(bulk);
        CompletableFuture<RetryAction> byKeyDone =
                keys.isEmpty()
                        ? CompletableFuture.completedFuture(new RetryAction.Success())
                        : deleteByKey(byKeyAliases, keys);
        if (byAuthor.isEmpty()) {
            return bulkDone.thenCombine(
                    byKeyDone,
                    (b, d) -> merge(actions.size(), b, bulkPositions, d, byKeyPositions));
        }
        // Purges go after the batch's other actions, so a post written just before is removed.
        return bulkDone.thenCombine(byKeyDone, List::of)
                .thenCompose(
                        done ->
                                deleteByAuthor(byAuthor)
                                        .thenApply(
                                                purge ->
                                                        merge(
                                                                actions.size(),
                                                                List.of(
                                                                        done.get(0),
                                                                        done.get(1),
                                                                        purge),
                                                                List.of(
                                                                        bulkPositions,
                                                                        byKeyPositions,
                                                                        byAuthorPositions))));
    }

    /** Writes the actions and waits. */
    public RetryAction write(List<BulkAction> actions) throws InterruptedException {
        try {
            return writeAsync(actions).get();
        } catch (ExecutionException e) {
            return BulkRetryClassifier.classify(e.getCause());
        }
    }

    private CompletableFuture<RetryAction> sendBulk(List<BulkAction> bulk) {
        byte[] body = BulkRequestEncoder.encode(bulk);
        return client.sendAsync("POST", BULK_PATH, body, BulkRequestEncoder.CONTENT_TYPE)
                .handle(
                        (r, failure) -> {
                            if (failure != null) {
                                return BulkRetryClassifier.classify(failure);
                            }
                            if (r.status() != 200) {
                                return BulkRetryClassifier.classify(r.status(), null, bulk);
                            }
                            try {
                                return BulkRetryClassifier.classify(
                                        200, BulkResponse.parse(r.body()), bulk);
                            } catch (IOException e) {
                                return new RetryAction.Retry(
                                        "reading the _bulk response: " + e.getMessage());
                            }
                        });
    }

    private CompletableFuture<RetryAction> deleteByKey(List<String> aliases, List<String> keys) {
        // one alias per sink in practice; group anyway so a mixed batch is still correct
        String alias = aliases.get(0);
        if (aliases.stream().anyMatch(a -> !a.equals(alias))) {
            return CompletableFuture.completedFuture(
                    new RetryAction.Reject("deletes by key for several aliases in one batch"));
        }
        ObjectNode query = PostJson.mapper().createObjectNode();
        ArrayNode terms = query.putObject("query").putObject("terms").putArray("key");
        keys.forEach(terms::add);
        return deleteByQuery(alias, query, keys.size(), "key", "");
    }

    /**
     * Deletes the posts of purged accounts: a refresh first, since {@code _delete_by_query} only
     * finds what a search finds, then one query on source and author id for all of them.
     */
    private CompletableFuture<RetryAction> deleteByAuthor(List<BulkAction> purges) {
        String alias = purges.get(0).index();
        if (purges.stream().anyMatch(a -> !a.index().equals(alias))) {
            return CompletableFuture.completedFuture(
                    new RetryAction.Reject("deletes by author for several aliases in one batch"));
        }
        ObjectNode query = PostJson.mapper().createObjectNode();
        ObjectNode bool = query.putObject("query").putObject("bool");
        ArrayNode should = bool.putArray("should");
        for (BulkAction a : purges) {
            String[] f = new String(a.source(), StandardCharsets.UTF_8).split("\n", 2);
            ArrayNode filter = should.addObject().putObject("bool").putArray("filter");
            filter.addObject().putObject("term").put(IndexFields.SOURCE, f[0]);
            filter.addObject().putObject("term").put(IndexFields.AUTHOR_ID, f[1]);
        }
        bool.put("minimum_should_match", 1);
        return client.sendAsync(
                        "POST",
                        "/" + alias + "/_refresh?ignore_unavailable=true",
                        new byte[0],
                        null)
                .thenCompose(
                        r -> deleteByQuery(alias, query, purges.size(), "author", "&refresh=true"))
                .exceptionally(BulkRetryClassifier::classify);
    }

    private CompletableFuture<RetryAction> deleteByQuery(
            String alias, ObjectNode query, int count, String by, String params) {
        return client.sendAsync(
                        "POST",
                        "/"
                                + alias
                                + "/_delete_by_query?conflicts=proceed&ignore_unavailable=true"
                                + params,
                        query.toString().getBytes(StandardCharsets.UTF_8),
                        null)
                .handle(
                        (r, failure) -> {
                            if (failure != null) {
                                return BulkRetryClassifier.classify(failure);
                            }
                            if (r.status() == 404) {
                                // no index behind the alias yet: nothing to delete
                                return new RetryAction.Success();
                            }
                            if (!r.ok()) {
                                RetryAction a =
                                        BulkRetryClassifier.classify(r.status(), null, count);
                                return a instanceof RetryAction.Reject
                                        ? new RetryAction.Reject(
                                                "deleting by "
                                                        + by
                                                        + ": HTTP "
                                                        + r.status()
                                                        + ": "
                                                        + OpenSearchClient.abbreviate(r.text()))
                                        : a;
                            }
                            try {
                                JsonNode failures = r.json().path("failures");
                                return failures.isArray() && !failures.isEmpty()
                                        ? new RetryAction.Retry(
                                                "delete by "
                                                        + by
                                                        + " had failures: "
                                                        + OpenSearchClient.abbreviate(
                                                                failures.toString()))
                                        : new RetryAction.Success();
                            } catch (IOException e) {
                                return new RetryAction.Retry(
                                        "reading the _delete_by_query response: " + e.getMessage());
                            }
                        });
    }

    /** Maps the two partial outcomes back onto positions in the original action list. */
    static RetryAction merge(
            int size,
            RetryAction bulk,
            List<Integer> bulkPositions,
            RetryAction byKey,
            List<Integer> byKeyPositions) {
        return merge(size, List.of(bulk, byKey), List.of(bulkPositions, byKeyPositions));
    }

    /** Maps partial outcomes back onto positions in the original action list. */
    static RetryAction merge(int size, List<RetryAction> parts, List<List<Integer>> positions) {
        List<Integer> retry = new ArrayList<>();
        List<RetryAction.Rejection> rejected = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            collect(parts.get(i), positions.get(i), retry, rejected);
        }
        if (retry.isEmpty() && rejected.isEmpty()) {
            return new RetryAction.Success();
        }
        if (retry.size() == size) {
            return new RetryAction.Retry(reason(parts));
        }
        retry.sort(Integer::compare);
        rejected.sort((a, b) -> Integer.compare(a.position(), b.position()));
        return new RetryAction.Partial(retry, rejected);
    }

    private static String reason(List<RetryAction> parts) {
        for (RetryAction a : parts) {
            if (a instanceof RetryAction.Retry r) {
                return r.reason();
            }
        }
        return "partial failure";
    }

    private static void collect(
            RetryAction outcome,
            List<Integer> positions,
            List<Integer> retry,
            List<RetryAction.Rejection> rejected) {
        if (outcome instanceof RetryAction.Retry) {
            retry.addAll(positions);
        } else if (outcome instanceof RetryAction.Reject r) {
            for (int p : positions) {
                rejected.add(new RetryAction.Rejection(p, 0, r.reason()));
            }
        } else if (outcome instanceof RetryAction.Partial p) {
            p.retry().forEach(i -> retry.add(positions.get(i)));
            for (RetryAction.Rejection x : p.rejected()) {
                rejected.add(
                        new RetryAction.Rejection(
                                positions.get(x.position()), x.status(), x.reason()));
            }
        }
    }
}
