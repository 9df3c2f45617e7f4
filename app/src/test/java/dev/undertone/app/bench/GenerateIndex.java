package dev.undertone.app.bench;

import dev.undertone.app.store.lucene.PostDocuments;
import dev.undertone.core.post.Post;
import dev.undertone.core.post.PostSource;
import dev.undertone.core.post.ScoredPost;
import dev.undertone.core.post.TestPosts;
import dev.undertone.core.sentiment.Sentiment;
import dev.undertone.core.sentiment.SentimentResult;
import dev.undertone.core.sentiment.SentimentScores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Writes a synthetic index of N posts for the query benchmarks, the way the pipeline's writer does
 * (one {@code updateDocument} per post key, {@link PostDocuments} mapping). Deterministic for a
 * given seed: Zipf-distributed words, hashtags and mentions, six languages, four sources, five
 * tracks, every sentiment and both unscored reasons, created over the {@code --days} before now.
 *
 * <p>Usage: {@code app/bench.sh GenerateIndex DATA_DIR POSTS [DAYS]}; the index goes to {@code
 * DATA_DIR/index}.
 */
public final class GenerateIndex {
    /** The track phrases of generated posts. */
    static final List<String> TRACKS =
            List.of("climate", "football", "election", "ai", "music", "travel", "food", "games");

    private static final long SEED = 42;
    private static final int VOCABULARY = 20_000;
    private static final int HASHTAGS = 2_000;
    private static final int HANDLES = 5_000;
    private static final int AUTHORS = 200_000;
    private static final double RAM_BUFFER_MB = 256;
    private static final int PROGRESS_EVERY = 100_000;
    private static final String[] LANGS = {
        "en", "en", "en", "en", "en", "en", "es", "de", "fr", "pt", "ja"
    };
    private static final PostSource[] SOURCES = {
        PostSource.BLUESKY,
        PostSource.BLUESKY,
        PostSource.BLUESKY,
        PostSource.X,
        PostSource.MASTODON,
        PostSource.FILE
    };

    private GenerateIndex() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: GenerateIndex DATA_DIR POSTS [DAYS]");
            System.exit(2);
        }
        Path index = Path.of(args[0]).resolve("index");
        int n = Integer.parseInt(args[1]);
        int days = args.length > 2 ? Integer.parseInt(args[2]) : 7;
        long t0 = System.nanoTime();
        write(index, n, Duration.ofDays(days), Instant.now());
        System.out.printf(
                "{\"posts\":%d,\"seconds\":%.1f,\"index\":\"%s\"}%n",
                n, (System.nanoTime() - t0) / 1e9, index);
    }

    /** Writes {@code n} posts created in the {@code span} before {@code end} into {@code index}. */
    public static void write(Path index, int n, Duration span, Instant end) throws IOException {
        Files.createDirectories(index);
        Random r = new Random(SEED);
        Zipf words = new Zipf(VOCABULARY, r);
        Zipf tags = new Zipf(HASHTAGS, r);
        Zipf handles = new Zipf(HANDLES, r);
        IndexWriterConfig cfg = new IndexWriterConfig(PostDocuments.analyzer());
        cfg.setRAMBufferSizeMB(RAM_BUFFER_MB);
        cfg.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
        long spanMillis = span.toMillis();
        try (Directory dir = FSDirectory.open(index);
                IndexWriter writer = new IndexWriter(dir, cfg)) {
            for (int i = 0; i < n; i++) {
                // Creation times rise with i, as a live stream writes them.
                Instant created = end.minusMillis(spanMillis - spanMillis * i / n);
                ScoredPost p = post(i, created, r, words, tags, handles);
                writer.updateDocument(
                        PostDocuments.keyTerm(p.post().key()),
                        PostDocuments.toDocument(p, created.plusMillis(200)));
                if ((i + 1) % PROGRESS_EVERY == 0) {
                    System.err.printf("Generated %d of %d posts.%n", i + 1, n);
                }
            }
            writer.commit();
        }
    }

    private static ScoredPost post(
            int i, Instant created, Random r, Zipf words, Zipf tags, Zipf handles) {
        String lang = LANGS[r.nextInt(LANGS.length)];
        PostSource source = SOURCES[r.nextInt(SOURCES.length)];
        List<String> tracks = new ArrayList<>();
        tracks.add(TRACKS.get(r.nextInt(TRACKS.size())));
        StringBuilder text = new StringBuilder(tracks.get(0));
        int len = 6 + r.nextInt(18);
        for (int w = 0; w < len; w++) {
            text.append(' ').append(word(words.next()));
        }
        List<String> hashtags = new ArrayList<>();
        if (r.nextInt(3) == 0) {
            hashtags.add("tag" + tags.next());
            if (r.nextBoolean()) {
                hashtags.add(tracks.get(0));
            }
        }
        List<String> mentions =
                r.nextInt(8) == 0 ? List.of("user" + handles.next() + ".example") : List.of();
        String id = "gen" + i;
        Post post =
                TestPosts.post(source, id, created, text.toString())
                        .author("author" + r.nextInt(AUTHORS) + ".example", "did:example:" + i)
                        .langs(List.of(lang))
                        .url("https://example.social/" + id)
                        .hashtags(hashtags)
                        .mentions(mentions)
                        .tracks(tracks)
                        .reply(r.nextInt(4) == 0)
                        .build();
        return new ScoredPost(post, sentiment(lang, r), "fast-bench", created.plusMillis(100));
    }

    private static SentimentResult sentiment(String lang, Random r) {
        if (!lang.equals("en") && !lang.equals("es")) {
            return SentimentResult.unscored(SentimentResult.UNSUPPORTED_LANGUAGE);
        }
        if (r.nextInt(200) == 0) {
            return SentimentResult.unscored(SentimentResult.EMPTY_TEXT);
        }
        double[] s = {r.nextDouble(), r.nextDouble(), r.nextDouble() * 1.5, r.nextDouble() * 0.3};
        double sum = s[0] + s[1] + s[2] + s[3];
        SentimentScores scores =
                new SentimentScores(s[0] / sum, s[1] / sum, s[2] / sum, s[3] / sum);
        Sentiment top = scores.top();
        return SentimentResult.scored(top, scores);
    }

    /** A pronounceable pseudo-word for a vocabulary rank. */
    private static String word(int rank) {
        String[] syllables = {
            "ka", "lo", "mi", "ser", "tan", "vo", "ri", "pel", "du", "nor", "ex", "qua"
        };
        StringBuilder w = new StringBuilder();
        int x = rank + syllables.length;
        while (x > 0) {
            w.append(syllables[x % syllables.length]);
            x /= syllables.length;
        }
        return w.toString();
    }

    /** Zipf-distributed ranks 0..n-1 by inverse transform over the cumulative weights. */
    private static final class Zipf {
        private final double[] cumulative;
        private final Random random;

        Zipf(int n, Random random) {
            this.random = random;
            cumulative = new double[n];
            double sum = 0;
            for (int k = 0; k < n; k++) {
                sum += 1.0 / (k + 1);
                cumulative[k] = sum;
            }
            for (int k = 0; k < n; k++) {
                cumulative[k] /= sum;
            }
        }

        int next() {
            int i = java.util.Arrays.binarySearch(cumulative, random.nextDouble());
            return i >= 0 ? i : Math.min(cumulative.length - 1, -i - 1);
        }
    }
}
