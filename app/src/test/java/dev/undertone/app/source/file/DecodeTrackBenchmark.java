package dev.undertone.app.source.file;

import dev.undertone.app.source.EndOfInputException;
import dev.undertone.core.decode.Decoded;
import dev.undertone.core.decode.Decoders;
import dev.undertone.core.decode.Formats;
import dev.undertone.core.decode.RawRecord;
import dev.undertone.core.decode.RecordDecoder;
import dev.undertone.core.post.Post;
import dev.undertone.core.track.LanguageDetector;
import dev.undertone.core.track.LanguageFilter;
import dev.undertone.core.track.TrackRules;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Measures, on one thread, (1) how fast {@link FileSource} reads and frames a file, and (2) how
 * fast the records decode and pass the track rules and language filter, the CPU work the pipeline
 * does per record before classification. Prints one JSON line. Rates are per second of this
 * thread's CPU time (best of the rounds), so other load on the machine does not skew them.
 *
 * <p>Usage: {@code DecodeTrackBenchmark FILE [FORMAT=auto] [TRACK=...] [LANG=] [ROUNDS=3]}.
 */
final class DecodeTrackBenchmark {
    private static final String DEFAULT_TRACK =
            "coffee, train late, \"half marathon\", #stimulus, カフェ";

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println(
                    "usage: DecodeTrackBenchmark FILE [FORMAT=auto] [TRACK] [LANG] [ROUNDS=3]");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        String format = args.length > 1 ? args[1] : Formats.AUTO;
        TrackRules track = TrackRules.parse(args.length > 2 ? args[2] : DEFAULT_TRACK);
        LanguageFilter lang = LanguageFilter.parse(args.length > 3 ? args[3] : "");
        int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 3;

        List<RawRecord> records = new ArrayList<>();
        double readSeconds = Double.MAX_VALUE;
        for (int r = 0; r < rounds; r++) {
            records.clear();
            long t0 = cpuNanos();
            read(file, format, records);
            readSeconds = Math.min(readSeconds, (cpuNanos() - t0) / 1e9);
        }
        RecordDecoder decoder = Decoders.forRecords();
        double decodeOnlySeconds = Double.MAX_VALUE;
        for (int r = 0; r < rounds; r++) {
            long t0 = cpuNanos();
            long n = 0;
            for (RawRecord rec : records) {
                n += decoder.decode(rec) instanceof Decoded.NewPost ? 1 : 0;
            }
            decodeOnlySeconds = Math.min(decodeOnlySeconds, (cpuNanos() - t0) / 1e9);
            if (n < 0) {
                throw new IllegalStateException("unreachable");
            }
        }
        double decodeSeconds = Double.MAX_VALUE;
        long posts = 0;
        long matched = 0;
        long kept = 0;
        long rejected = 0;
        for (int r = 0; r < rounds; r++) {
            posts = 0;
            matched = 0;
            kept = 0;
            rejected = 0;
            long t0 = cpuNanos();
            for (RawRecord rec : records) {
                Decoded d = decoder.decode(rec);
                if (d instanceof Decoded.NewPost np) {
                    posts++;
                    Post p = LanguageDetector.fillIn(np.post());
                    if (!lang.keeps(p)) {
                        continue;
                    }
                    List<String> m = track.matches(p);
                    if (!m.isEmpty()) {
                        matched++;
                    }
                    if (track.isEmpty() || !m.isEmpty()) {
                        kept++;
                    }
                } else if (d instanceof Decoded.Rejected) {
                    rejected++;
                }
            }
            decodeSeconds = Math.min(decodeSeconds, (cpuNanos() - t0) / 1e9);
        }
        System.out.printf(
                Locale.ROOT,
                "{\"records\":%d,\"posts\":%d,\"matched\":%d,\"kept\":%d,\"rejected\":%d,"
                        + "\"read_records_per_second\":%.0f,\"decode_records_per_second\":%.0f,\"decode_track_records_per_second\":%.0f,"
                        + "\"decode_track_posts_per_second\":%.0f,\"rounds\":%d,\"track\":\"%s\"}%n",
                records.size(),
                posts,
                matched,
                kept,
                rejected,
                records.size() / readSeconds,
                records.size() / decodeOnlySeconds,
                records.size() / decodeSeconds,
                posts / decodeSeconds,
                rounds,
                track.toString().replace("\"", "\\\""));
    }

    /**
     * This thread's CPU time: on a shared machine wall time mostly measures the neighbours, CPU
     * time measures the work.
     */
    private static long cpuNanos() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static void read(Path file, String format, List<RawRecord> into) throws IOException {
        try (FileSource source = new FileSource(FileSourceConfig.of(file, format))) {
            source.connect(null);
            while (true) {
                try {
                    into.addAll(source.read(Duration.ofSeconds(1)).records());
                } catch (EndOfInputException e) {
                    return;
                }
            }
        }
    }
}
