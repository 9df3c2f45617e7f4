package dev.undertone.app.source.file;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes benchmark input: Jetstream {@code /subscribe} event lines, deterministic for a seed. About
 * 80% are post creates in seven languages (some without {@code langs}), with hashtag and mention
 * facets at correct UTF-8 offsets, replies, quotes; the rest are updates, deletes, likes and
 * identity events, as a live stream carries them.
 *
 * <p>Usage: {@code JetstreamInputGenerator OUT.jsonl [LINES=1000000] [SEED=1]}.
 */
final class JetstreamInputGenerator {
    private static final long START_US = 1_773_500_400_000_000L;
    private static final String[][] PHRASES = {
        {
            "en",
            "Just finished the half marathon and I feel amazing",
            "The train is late again, I can't stand this line anymore",
            "Honestly the new update is fine, nothing special",
            "Best coffee in town, thanks for the recommendation",
            "Worst customer service ever, still waiting for a refund",
            "Is anyone else's app down this morning?",
            "Love the new park downtown, great place for kids",
            "The stimulus check finally arrived, what a relief"
        },
        {
            "es",
            "El tren de las 8:15 otra vez con retraso, ya no aguanto más",
            "Por fin llegó la primavera, qué alegría",
            "Este café está buenísimo, lo recomiendo",
            "No entiendo por qué cambiaron el horario otra vez"
        },
        {
            "pt",
            "Que jogo incrível ontem, melhor partida da temporada",
            "O ônibus atrasou de novo, que raiva",
            "Hoje o dia está lindo, vou à praia"
        },
        {
            "fr",
            "Pareil ici, c'est vraiment décevant",
            "Le café de ce matin était parfait",
            "Encore une grève des trains aujourd'hui"
        },
        {
            "de",
            "Unser Espresso heute war leider viel zu bitter",
            "Fahrplanänderung ab Montag, Details online",
            "Endlich Wochenende, ich freue mich sehr"
        },
        {"ja", "新しいカフェのラテは最高だった", "電車がまた遅れている、本当に困る", "今日はいい天気ですね"},
        {"it", "Oggi il caffè è molto buono, grazie a tutti", "Il treno è in ritardo di nuovo"},
    };
    private static final String[] TAGS = {
        "coffee", "running", "commute", "stimulus", "SundayVibes", "primavera", "カフェ巡り", "news"
    };
    private static final String[] HANDLES = {
        "ana.example.social", "dkwon.example.social", "bea.example.social"
    };

    private final SplittableRandom random;
    private final JsonFactory json = new JsonFactory();
    private final List<String[]> recentPosts = new ArrayList<>();
    private long timeUs = START_US;

    private JetstreamInputGenerator(long seed) {
        this.random = new SplittableRandom(seed);
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: JetstreamInputGenerator OUT.jsonl [LINES=1000000] [SEED=1]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        long lines = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000L;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1L;
        long posts = new JetstreamInputGenerator(seed).write(out, lines);
        System.out.printf(
                Locale.ROOT,
                "{\"file\":\"%s\",\"lines\":%d,\"post_creates\":%d,\"bytes\":%d}%n",
                out,
                lines,
                posts,
                Files.size(out));
    }

    /** Writes the lines; returns how many are post creates. */
    long write(Path out, long lines) throws IOException {
        long creates = 0;
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
            for (long i = 0; i < lines; i++) {
                timeUs += 200 + random.nextInt(400);
                int roll = random.nextInt(100);
                if (roll < 80 || recentPosts.isEmpty()) {
                    create(os, "create", newPost());
                    creates++;
                } else if (roll < 83) {
                    String[] p = recentPosts.get(random.nextInt(recentPosts.size()));
                    create(os, "update", new String[] {p[0], p[1], p[2] + " (edited)", p[3]});
                } else if (roll < 87) {
                    delete(os, recentPosts.remove(random.nextInt(recentPosts.size())));
                } else if (roll < 98) {
                    like(os);
                } else {
                    identity(os);
                }
                os.write('\n');
            }
        }
        return creates;
    }

    /** {did, rkey, text, lang-or-empty}. */
    private String[] newPost() {
        String[] lang = PHRASES[random.nextInt(PHRASES.length)];
        StringBuilder text = new StringBuilder(lang[1 + random.nextInt(lang.length - 1)]);
        if (random.nextInt(3) == 0) {
            text.append(". ").append(lang[1 + random.nextInt(lang.length - 1)]);
        }
        String[] p = {
            did(random.nextInt(50_000)),
            rkey(),
            text.toString(),
            random.nextInt(10) == 0 ? "" : lang[0]
        };
        if (recentPosts.size() < 10_000) {
            recentPosts.add(p);
        } else {
            recentPosts.set(random.nextInt(recentPosts.size()), p);
        }
        return p;
    }

    private void create(OutputStream os, String operation, String[] p) throws IOException {
        boolean mention = random.nextInt(8) == 0;
        String handle = HANDLES[random.nextInt(HANDLES.length)];
        String tag = random.nextInt(3) == 0 ? TAGS[random.nextInt(TAGS.length)] : null;
        String text = (mention ? "@" + handle + " " : "") + p[2] + (tag != null ? " #" + tag : "");
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        try (JsonGenerator g = json.createGenerator(new NoClose(os), JsonEncoding.UTF8)) {
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
                    java.time.Instant.ofEpochSecond(
                                    timeUs / 1_000_000, (timeUs % 1_000_000) * 1000 - 300_000_000L)
                            .toString());
            if (mention || tag != null) {
                g.writeArrayFieldStart("facets");
                if (mention) {
                    facet(g, 0, handle.length() + 1, "mention", "did", did(random.nextInt(50_000)));
                }
                if (tag != null) {
                    int end = utf8.length;
                    int start = end - tag.getBytes(StandardCharsets.UTF_8).length - 1;
                    facet(g, start, end, "tag", "tag", tag);
                }
                g.writeEndArray();
            }
            if (!p[3].isEmpty()) {
                g.writeArrayFieldStart("langs");
                g.writeString(p[3]);
                g.writeEndArray();
            }
            if (random.nextInt(6) == 0 && !recentPosts.isEmpty()) {
                String[] parent = recentPosts.get(random.nextInt(recentPosts.size()));
                String uri = "at://" + parent[0] + "/app.bsky.feed.post/" + parent[1];
                g.writeObjectFieldStart("reply");
                g.writeObjectFieldStart("parent");
                g.writeStringField("uri", uri);
                g.writeEndObject();
                g.writeObjectFieldStart("root");
                g.writeStringField("uri", uri);
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeStringField("text", text);
            g.writeEndObject();
            g.writeStringField("cid", "bafyrei" + rkey() + rkey());
            g.writeEndObject();
            g.writeEndObject();
        }
    }

    private static void facet(
            JsonGenerator g, int start, int end, String type, String field, String value)
            throws IOException {
        g.writeStartObject();
        g.writeArrayFieldStart("features");
        g.writeStartObject();
        g.writeStringField("$type", "app.bsky.richtext.facet#" + type);
        g.writeStringField(field, value);
        g.writeEndObject();
        g.writeEndArray();
        g.writeObjectFieldStart("index");
        g.writeNumberField("byteStart", start);
        g.writeNumberField("byteEnd", end);
        g.writeEndObject();
        g.writeEndObject();
    }

    private void delete(OutputStream os, String[] p) throws IOException {
        os.write(
                String.format(
                                Locale.ROOT,
                                "{\"did\":\"%s\",\"time_us\":%d,\"kind\":\"commit\",\"commit\":{\"rev\":\"%s\",\"operation\":\"delete\",\"collection\":\"app.bsky.feed.post\",\"rkey\":\"%s\"}}",
                                p[0],
                                timeUs,
                                rkey(),
                                p[1])
                        .getBytes(StandardCharsets.UTF_8));
    }

    private void like(OutputStream os) throws IOException {
        String subject =
                recentPosts.isEmpty()
                        ? "x"
                        : recentPosts.get(random.nextInt(recentPosts.size()))[1];
        os.write(
                String.format(
                                Locale.ROOT,
                                "{\"did\":\"%s\",\"time_us\":%d,\"kind\":\"commit\",\"commit\":{\"rev\":\"%s\",\"operation\":\"create\",\"collection\":\"app.bsky.feed.like\",\"rkey\":\"%s\",\"record\":{\"$type\":\"app.bsky.feed.like\",\"subject\":{\"uri\":\"at://%s\"}}}}",
                                did(random.nextInt(50_000)),
                                timeUs,
                                rkey(),
                                rkey(),
                                subject)
                        .getBytes(StandardCharsets.UTF_8));
    }

    private void identity(OutputStream os) throws IOException {
        String did = did(random.nextInt(50_000));
        os.write(
                String.format(
                                Locale.ROOT,
                                "{\"did\":\"%s\",\"time_us\":%d,\"kind\":\"identity\",\"identity\":{\"did\":\"%s\",\"handle\":\"user%d.example.social\",\"seq\":%d}}",
                                did,
                                timeUs,
                                did,
                                random.nextInt(50_000),
                                timeUs / 1000)
                        .getBytes(StandardCharsets.UTF_8));
    }

    private static String did(int n) {
        return String.format(Locale.ROOT, "did:plc:bench%019d", n);
    }

    private String rkey() {
        StringBuilder s = new StringBuilder(13);
        for (int i = 0; i < 13; i++) {
            s.append("234567abcdefghijklmnopqrstuvwxyz".charAt(random.nextInt(32)));
        }
        return s.toString();
    }

    /** Keeps the generator from closing the shared file stream. */
    private static final class NoClose extends java.io.FilterOutputStream {
        NoClose(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
