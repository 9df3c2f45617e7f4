package dev.undertone.app.bench;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the realistic replay benchmark's input: Jetstream v1 {@code /subscribe} lines whose post
 * texts are real tweets (the shared TweetEval train texts for English, UMSAB for seven other
 * languages), deterministic for a seed.
 *
 * <p>The mix, as a live Bluesky stream carries it: 80% English post creates (3% of them without
 * {@code langs}, so the language detector runs), 5% post creates in other languages, 5% edits and
 * 5% deletes of recent posts, 4% likes, reposts and follows, 1% identity and account events. Posts
 * carry hashtag and mention facets at their UTF-8 offsets, replies and quotes.
 *
 * <p>Usage: {@code RealJetstream OUT.jsonl [LINES=1000000] [SEED=1] [DATA_DIR]}; DATA_DIR holds
 * {@code tweeteval-sentiment/} and {@code umsab-sentiment/} (default: {@code
 * $UNDERTONE_BENCH_DATA}, else {@code /work/shared/data}, else {@code ../shared/data}).
 */
final class RealJetstream {
    private static final long START_US = 1_773_500_400_000_000L;
    private static final String[][] OTHER_LANGUAGES = {
        {"spanish", "es"},
        {"portuguese", "pt"},
        {"french", "fr"},
        {"german", "de"},
        {"italian", "it"},
        {"arabic", "ar"},
        {"hindi", "hi"},
    };
    private static final Pattern HASHTAG = Pattern.compile("#[\\p{L}\\p{N}_]+");
    private static final Pattern MENTION = Pattern.compile("@user\\b");
    private static final String[] OTHER_COLLECTIONS = {
        "app.bsky.feed.like", "app.bsky.feed.like", "app.bsky.feed.repost", "app.bsky.graph.follow"
    };

    private final SplittableRandom random;
    private final JsonFactory json = new JsonFactory();
    private final List<String> english;
    private final List<List<String>> others = new ArrayList<>();

    /** Recent posts, {did, rkey, text, lang-or-empty}: what edits, deletes and likes refer to. */
    private final List<String[]> recent = new ArrayList<>();

    private long timeUs = START_US;

    /** Counts of what was written, for the summary line. */
    long creates;

    long edits;
    long deletes;
    long other;

    RealJetstream(Path dataDir, long seed) throws IOException {
        this.random = new SplittableRandom(seed);
        this.english = texts(dataDir.resolve("tweeteval-sentiment/train_text.txt"));
        for (String[] lang : OTHER_LANGUAGES) {
            others.add(texts(dataDir.resolve("umsab-sentiment/" + lang[0] + "/train_text.txt")));
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println(
                    "usage: RealJetstream OUT.jsonl [LINES=1000000] [SEED=1] [DATA_DIR]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        long lines = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000L;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1L;
        Path data = args.length > 3 ? Path.of(args[3]) : defaultDataDir();
        RealJetstream g = new RealJetstream(data, seed);
        g.write(out, lines);
        System.out.printf(
                Locale.ROOT,
                "{\"file\":\"%s\",\"lines\":%d,\"post_creates\":%d,\"edits\":%d,\"deletes\":%d,"
                        + "\"not_posts\":%d,\"bytes\":%d}%n",
                out,
                lines,
                g.creates,
                g.edits,
                g.deletes,
                g.other,
                Files.size(out));
    }

    static Path defaultDataDir() {
        String env = System.getenv("UNDERTONE_BENCH_DATA");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        Path shared = Path.of("/work/shared/data");
        return Files.isDirectory(shared) ? shared : Path.of("../shared/data");
    }

    private static List<String> texts(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String t = line.strip();
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        if (out.isEmpty()) {
            throw new IOException(file + " has no texts");
        }
        return out;
    }

    /** Writes {@code lines} lines to {@code out}. */
    void write(Path out, long lines) throws IOException {
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
            for (long i = 0; i < lines; i++) {
                os.write(line());
                os.write('\n');
            }
        }
    }

    /** The next line, without its newline. */
    byte[] line() {
        timeUs += 100 + random.nextInt(200);
        int roll = random.nextInt(100);
        try {
            if (roll < 85 || recent.size() < 100) {
                creates++;
                return post("create", newPost(roll >= 80));
            } else if (roll < 90) {
                edits++;
                String[] p = recent.get(random.nextInt(recent.size()));
                String text =
                        random.nextBoolean() ? p[2] + " (edited)" : p[2].replace("@user ", "");
                return post("update", new String[] {p[0], p[1], text, p[3]});
            } else if (roll < 95) {
                deletes++;
                int at = random.nextInt(recent.size());
                String[] p = recent.get(at);
                recent.set(at, recent.get(recent.size() - 1));
                recent.remove(recent.size() - 1);
                return delete(p);
            } else if (roll < 99) {
                other++;
                return otherCommit();
            } else {
                other++;
                return identityOrAccount();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {did, rkey, text, lang-or-empty}. */
    private String[] newPost(boolean otherLanguage) {
        String text;
        String lang;
        if (otherLanguage) {
            int l = random.nextInt(OTHER_LANGUAGES.length);
            List<String> pool = others.get(l);
            text = pool.get(random.nextInt(pool.size()));
            lang = OTHER_LANGUAGES[l][1];
        } else {
            text = english.get(random.nextInt(english.size()));
            lang = random.nextInt(100) < 3 ? "" : "en";
        }
        String[] p = {did(random.nextInt(200_000)), rkey(), text, lang};
        if (recent.size() < 20_000) {
            recent.add(p);
        } else {
            recent.set(random.nextInt(recent.size()), p);
        }
        return p;
    }

    private byte[] post(String operation, String[] p) throws IOException {
        String text = p[2];
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        // Closing a ByteArrayOutputStream does nothing, so the generator may close it.
        ByteArrayOutputStream buf = new ByteArrayOutputStream(512);
        try (JsonGenerator g = json.createGenerator(buf, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("did", p[0]);
            g.writeNumberField("time_us", timeUs);
            g.writeStringField("kind", "commit");
            g.writeObjectFieldStart("commit");
            g.writeStringField("rev", rkey());
            g.writeStringField("operation", operation);
            g.writeStringField("collection", "app.bsky.feed.post");
            g.writeStringField("rkey", p[1]);
            g.writeObjectFieldStart("record");
            g.writeStringField("$type", "app.bsky.feed.post");
            g.writeStringField(
                    "createdAt",
                    Instant.ofEpochSecond(
                                    timeUs / 1_000_000, (timeUs % 1_000_000) * 1000 - 300_000_000L)
                            .toString());
            facets(g, text, utf8);
            if (!p[3].isEmpty()) {
                g.writeArrayFieldStart("langs");
                g.writeString(p[3]);
                g.writeEndArray();
            }
            int shape = random.nextInt(100);
            if (shape < 20 && !recent.isEmpty()) {
                String[] parent = recent.get(random.nextInt(recent.size()));
                String uri = "at://" + parent[0] + "/app.bsky.feed.post/" + parent[1];
                g.writeObjectFieldStart("reply");
                ref(g, "parent", uri);
                ref(g, "root", uri);
                g.writeEndObject();
            } else if (shape < 25 && !recent.isEmpty()) {
                String[] quoted = recent.get(random.nextInt(recent.size()));
                g.writeObjectFieldStart("embed");
                g.writeStringField("$type", "app.bsky.embed.record");
                ref(g, "record", "at://" + quoted[0] + "/app.bsky.feed.post/" + quoted[1]);
                g.writeEndObject();
            }
            g.writeStringField("text", text);
            g.writeEndObject();
            g.writeStringField("cid", cid());
            g.writeEndObject();
            g.writeEndObject();
        }
        return buf.toByteArray();
    }

    private void ref(JsonGenerator g, String name, String uri) throws IOException {
        g.writeObjectFieldStart(name);
        g.writeStringField("cid", cid());
        g.writeStringField("uri", uri);
        g.writeEndObject();
    }

    /** Tag facets for the text's hashtags, mention facets for its {@code @user} handles. */
    private void facets(JsonGenerator g, String text, byte[] utf8) throws IOException {
        List<int[]> spans = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (Pattern pattern : new Pattern[] {MENTION, HASHTAG}) {
            Matcher m = pattern.matcher(text);
            while (m.find()) {
                int start = text.substring(0, m.start()).getBytes(StandardCharsets.UTF_8).length;
                int end = start + m.group().getBytes(StandardCharsets.UTF_8).length;
                spans.add(new int[] {start, end});
                values.add(m.group());
            }
        }
        if (spans.isEmpty() || utf8.length == 0) {
            return;
        }
        g.writeArrayFieldStart("facets");
        for (int i = 0; i < spans.size(); i++) {
            String v = values.get(i);
            g.writeStartObject();
            g.writeArrayFieldStart("features");
            g.writeStartObject();
            if (v.startsWith("#")) {
                g.writeStringField("$type", "app.bsky.richtext.facet#tag");
                g.writeStringField("tag", v.substring(1));
            } else {
                g.writeStringField("$type", "app.bsky.richtext.facet#mention");
                g.writeStringField("did", did(random.nextInt(200_000)));
            }
            g.writeEndObject();
            g.writeEndArray();
            g.writeObjectFieldStart("index");
            g.writeNumberField("byteEnd", spans.get(i)[1]);
            g.writeNumberField("byteStart", spans.get(i)[0]);
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private byte[] delete(String[] p) {
        return String.format(
                        Locale.ROOT,
                        "{\"did\":\"%s\",\"time_us\":%d,\"kind\":\"commit\",\"commit\":{\"rev\":\"%s\","
                                + "\"operation\":\"delete\",\"collection\":\"app.bsky.feed.post\","
                                + "\"rkey\":\"%s\"}}",
                        p[0],
                        timeUs,
                        rkey(),
                        p[1])
                .getBytes(StandardCharsets.UTF_8);
    }

    private byte[] otherCommit() {
        String collection = OTHER_COLLECTIONS[random.nextInt(OTHER_COLLECTIONS.length)];
        String[] subject = recent.get(random.nextInt(recent.size()));
        String record =
                collection.equals("app.bsky.graph.follow")
                        ? "{\"$type\":\"app.bsky.graph.follow\",\"createdAt\":\"%s\",\"subject\":\""
                                + subject[0]
                                + "\"}"
                        : "{\"$type\":\""
                                + collection
                                + "\",\"createdAt\":\"%s\",\"subject\":{\"cid\":\""
                                + cid()
                                + "\",\"uri\":\"at://"
                                + subject[0]
                                + "/app.bsky.feed.post/"
                                + subject[1]
                                + "\"}}";
        return String.format(
                        Locale.ROOT,
                        "{\"did\":\"%s\",\"time_us\":%d,\"kind\":\"commit\",\"commit\":{\"rev\":\"%s\","
                                + "\"operation\":\"create\",\"collection\":\"%s\",\"rkey\":\"%s\","
                                + "\"record\":"
                                + record
                                + ",\"cid\":\"%s\"}}",
                        did(random.nextInt(200_000)),
                        timeUs,
                        rkey(),
                        collection,
                        rkey(),
                        Instant.ofEpochSecond(timeUs / 1_000_000).toString(),
                        cid())
                .getBytes(StandardCharsets.UTF_8);
    }

    private byte[] identityOrAccount() {
        String did = did(random.nextInt(200_000));
        String time = Instant.ofEpochSecond(timeUs / 1_000_000).toString();
        long seq = timeUs / 1000;
        String s =
                random.nextBoolean()
                        ? String.format(
                                Locale.ROOT,
                                "{\"did\":\"%s\",\"time_us\":%d,\"kind\":\"identity\",\"identity\":"
                                        + "{\"did\":\"%s\",\"handle\":\"user%d.bsky.social\","
                                        + "\"seq\":%d,\"time\":\"%s\"}}",
                                did,
                                timeUs,
                                did,
                                random.nextInt(200_000),
                                seq,
                                time)
                        : String.format(
                                Locale.ROOT,
                                "{\"did\":\"%s\",\"time_us\":%d,\"kind\":\"account\",\"account\":"
                                        + "{\"active\":true,\"did\":\"%s\",\"seq\":%d,\"time\":\"%s\"}}",
                                did,
                                timeUs,
                                did,
                                seq,
                                time);
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String did(int n) {
        return String.format(Locale.ROOT, "did:plc:%024d", n);
    }

    private String rkey() {
        return base32(13);
    }

    private String cid() {
        return "bafyrei" + base32(52);
    }

    private String base32(int n) {
        char[] s = new char[n];
        for (int i = 0; i < n; i++) {
            s[i] = "234567abcdefghijklmnopqrstuvwxyz".charAt(random.nextInt(32));
        }
        return new String(s);
    }
}
