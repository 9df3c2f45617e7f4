package dev.undertone.flink.bench;

import dev.undertone.core.decode.Decoded;
import dev.undertone.core.decode.Decoders;
import dev.undertone.core.decode.Formats;
import dev.undertone.core.decode.RawRecord;
import dev.undertone.core.index.ContentWords;
import dev.undertone.core.index.opensearch.PostJson;
import dev.undertone.core.post.Post;
import dev.undertone.core.post.ScoredPost;
import dev.undertone.core.sentiment.PostScorer;
import dev.undertone.core.sentiment.SentimentModels;
import dev.undertone.opensearch.BulkAction;
import dev.undertone.opensearch.BulkWriter;
import dev.undertone.opensearch.IndexSetup;
import dev.undertone.opensearch.OpenSearchClient;
import dev.undertone.opensearch.OpenSearchConfig;
import dev.undertone.opensearch.RetryAction;
import dev.undertone.testkit.OpenSearchNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The OpenSearch bulk path alone: pre-built documents of scored posts written with {@link
 * BulkWriter} in batches, with a number of requests in flight, to a fresh index. Prints one JSON
 * line.
 *
 * <p>Run (see docs/benchmarks.md, "Scale-out"): {@code java -cp "$CP"
 * dev.undertone.flink.bench.BulkSinkBenchmark 200000 1000 2} (posts, batch size, requests in
 * flight; a fourth argument, a base URL, uses that cluster instead of starting a node).
 */
public final class BulkSinkBenchmark {
    private BulkSinkBenchmark() {}

    public static void main(String[] args) throws Exception {
        int posts = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int inFlight = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        OpenSearchNode node = args.length > 3 ? null : OpenSearchNode.startForBenchmark();
        String url = node == null ? args[3] : node.url();
        try {
            OpenSearchConfig config = OpenSearchConfig.of(url, "bench-bulk-" + System.nanoTime());
            OpenSearchClient client = new OpenSearchClient(config);
            IndexSetup.ensure(client, 1, 0);
            List<BulkAction> actions = actions(config.index(), posts);
            BulkWriter writer = new BulkWriter(client);
            long start = System.nanoTime();
            long nodeCpuBefore = node == null ? 0 : node.cpuTime().toMillis();
            long ownCpuBefore = Cpu.processMillis();
            List<CompletableFuture<RetryAction>> running = new ArrayList<>();
            long failed = 0;
            for (int i = 0; i < actions.size(); i += batch) {
                if (running.size() == inFlight) {
                    failed += failures(running.remove(0).get());
                }
                running.add(
                        writer.writeAsync(actions.subList(i, Math.min(i + batch, actions.size()))));
            }
            for (CompletableFuture<RetryAction> f : running) {
                failed += failures(f.get());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpu =
                    ((node == null ? 0 : node.cpuTime().toMillis() - nodeCpuBefore)
                                    + Cpu.processMillis()
                                    - ownCpuBefore)
                            / 1000.0;
            client.call("refreshing", "POST", "/" + config.index() + "/_refresh", null);
            long count =
                    client.call("counting", "GET", "/" + config.index() + "/_count", null)
                            .get("count")
                            .asLong();
            System.out.printf(
                    "{\"benchmark\":\"bulk_sink\",\"posts\":%d,\"batch\":%d,\"in_flight\":%d,"
                            + "\"indexed\":%d,\"failed_batches\":%d,\"seconds\":%.2f,"
                            + "\"posts_per_second\":%.0f,\"cpu_seconds\":%.1f,"
                            + "\"posts_per_cpu_second\":%.0f,\"load_average\":%.1f}%n",
                    posts,
                    batch,
                    inFlight,
                    count,
                    failed,
                    seconds,
                    posts / seconds,
                    cpu,
                    posts / cpu,
                    Cpu.loadAverage());
        } finally {
            if (node != null) {
                node.close();
            }
        }
    }

    private static long failures(RetryAction a) {
        return a instanceof RetryAction.Success ? 0 : 1;
    }

    /** Scored documents, built before timing so only the bulk path is measured. */
    private static List<BulkAction> actions(String index, int n) {
        SyntheticPosts gen = new SyntheticPosts(42);
        PostScorer scorer =
                new PostScorer(SentimentModels.load(SentimentModels.DEFAULT), Clock.systemUTC());
        List<BulkAction> out = new ArrayList<>(n);
        List<Post> chunk = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            RawRecord r =
                    new RawRecord(
                            Formats.JSON,
                            null,
                            Instant.now(),
                            gen.line(i).getBytes(StandardCharsets.UTF_8));
            chunk.add(((Decoded.NewPost) Decoders.forRecords().decode(r)).post());
            if (chunk.size() == 256 || i == n - 1) {
                for (ScoredPost s : scorer.score(chunk)) {
                    byte[] doc =
                            PostJson.toDocument(s, Instant.now(), ContentWords.of(s.post().text()))
                                    .toString()
                                    .getBytes(StandardCharsets.UTF_8);
                    out.add(BulkAction.index(index, s.post().key(), doc));
                }
                chunk.clear();
            }
        }
        return out;
    }
}
