package dev.undertone.app.bench;

import dev.undertone.core.post.Post;
import dev.undertone.core.post.PostSource;
import dev.undertone.core.post.TestPosts;
import dev.undertone.core.sentiment.PostScorer;
import dev.undertone.core.sentiment.SentimentModel;
import dev.undertone.core.sentiment.SentimentModels;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The classify stage ({@link PostScorer} over the {@code fast} model, routed by language) on one
 * thread, in posts per CPU second of that thread, on two inputs: English only (TweetEval val,
 * tagged {@code en} or untagged, as before languages were routed) and mixed (the same English posts
 * interleaved with UMSAB val posts of the six other languages with a model, tagged, in a seeded
 * order; not Hindi, which has none and would only add cheap unscored posts), in batches of 1,024 as
 * the pipeline scores them. Rates per CPU second of this thread, best and median of {@value
 * #ROUNDS} rounds after a warm-up, so a loaded machine still gives a meaningful figure; the load
 * average is printed beside them.
 *
 * <pre>
 *   app/bench.sh MixedLanguageScoringBenchmark [SECONDS] [OTHER_SHARE]
 * </pre>
 *
 * {@code OTHER_SHARE} (default 0.5) is the share of non-English posts in the mixed input.
 */
public final class MixedLanguageScoringBenchmark {

    private static final int BATCH = 1024;
    private static final int ROUNDS = 5;
    private static final Path TWEETEVAL = Path.of("../shared/data/tweeteval-sentiment");
    private static final Path UMSAB = Path.of("../shared/data/umsab-sentiment");
    private static final String[][] LANGUAGES = {
        {"ar", "arabic"},
        {"de", "german"},
        {"es", "spanish"},
        {"fr", "french"},
        {"it", "italian"},
        {"pt", "portuguese"}
    };

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private MixedLanguageScoringBenchmark() {}

    public static void main(String[] args) throws IOException {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 10;
        double otherShare = args.length > 1 ? Double.parseDouble(args[1]) : 0.5;
        List<Post> english = new ArrayList<>();
        int i = 0;
        for (String t : lines(TWEETEVAL.resolve("val_text.txt"))) {
            english.add(post(i++, t, i % 2 == 0 ? List.of("en") : List.of()));
        }
        List<Post> others = new ArrayList<>();
        for (String[] l : LANGUAGES) {
            for (String t : lines(UMSAB.resolve(l[1]).resolve("val_text.txt"))) {
                others.add(post(i++, t, List.of(l[0])));
            }
        }
        List<Post> mixed = mix(english, others, otherShare, new Random(42));
        PostScorer scorer = new PostScorer(SentimentModels.load("fast"), Clock.systemUTC());
        double round = seconds / ROUNDS;
        double[] en = new double[ROUNDS];
        double[] mx = new double[ROUNDS];
        rate(scorer, batches(english), round);
        rate(scorer, batches(mixed), round);
        for (int r = 0; r < ROUNDS; r++) {
            en[r] = rate(scorer, batches(english), round);
            mx[r] = rate(scorer, batches(mixed), round);
        }
        Arrays.sort(en);
        Arrays.sort(mx);
        SentimentModel m = SentimentModels.load("fast");
        System.out.printf(
                Locale.ROOT,
                "{\"model\":\"%s\",\"posts_english\":%d,\"posts_mixed\":%d,\"other_share\":%.2f,"
                        + "\"english_posts_per_cpu_second\":{\"best\":%.0f,\"median\":%.0f},"
                        + "\"mixed_posts_per_cpu_second\":{\"best\":%.0f,\"median\":%.0f},"
                        + "\"load_average\":%.2f,\"java\":\"%s\"}%n",
                m.id(),
                english.size(),
                mixed.size(),
                otherShare,
                en[ROUNDS - 1],
                en[ROUNDS / 2],
                mx[ROUNDS - 1],
                mx[ROUNDS / 2],
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                System.getProperty("java.version"));
    }

    /** All English posts, with other-language posts spread among them to make up the share. */
    static List<Post> mix(List<Post> english, List<Post> others, double share, Random random) {
        int wanted = (int) Math.round(english.size() * share / (1 - share));
        List<Post> out = new ArrayList<>(english);
        for (int k = 0; k < wanted; k++) {
            out.add(others.get(k % others.size()));
        }
        java.util.Collections.shuffle(out, random);
        return out;
    }

    private static List<List<Post>> batches(List<Post> posts) {
        List<List<Post>> out = new ArrayList<>();
        for (int i = 0; i < posts.size(); i += BATCH) {
            out.add(posts.subList(i, Math.min(posts.size(), i + BATCH)));
        }
        return out;
    }

    /** Scores batches round-robin for about {@code seconds} of this thread's CPU; posts/CPU s. */
    private static double rate(PostScorer scorer, List<List<Post>> batches, double seconds) {
        long budget = (long) (seconds * 1e9);
        long start = THREADS.getCurrentThreadCpuTime();
        long n = 0;
        int next = 0;
        while (THREADS.getCurrentThreadCpuTime() - start < budget) {
            List<Post> batch = batches.get(next);
            next = (next + 1) % batches.size();
            n += scorer.score(batch).size();
        }
        return n / ((THREADS.getCurrentThreadCpuTime() - start) / 1e9);
    }

    private static Post post(int id, String text, List<String> langs) {
        return TestPosts.post(PostSource.FILE, Integer.toString(id), Instant.EPOCH, text)
                .langs(langs)
                .build();
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }
}
