package dev.undertone.app.alert;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.undertone.core.alert.Alert;
import dev.undertone.core.alert.AlertJson;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alerts of a data directory ({@code DATA/alerts/}): {@code alerts.jsonl}, one alert per line
 * in the order they were raised, appended and fsynced one at a time; and {@code decided.json}, how
 * far each track's windows have been judged.
 *
 * <p>Exactly once: an alert is identified by its key (track, kind, window start) and {@link #add}
 * ignores a key it holds, so judging a window again after a crash (its decision mark was not yet
 * saved) cannot add it twice; the mark is saved after the alerts it covers, so no judged window is
 * lost. A torn last line (a crash mid-append) is cut off when the store is opened for writing.
 *
 * <p>Thread-safe. Opened read-only ({@link #openReadOnly}, for {@code serve} and {@code alerts}),
 * it reads the file again when it grew, so a running {@code run} or {@code replay} shows up.
 */
public final class AlertStore implements AutoCloseable {
    static final String ALERTS_FILE = "alerts.jsonl";
    static final String DECIDED_FILE = "decided.json";
    private static final Logger LOG = LoggerFactory.getLogger(AlertStore.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path dir;
    private final boolean writable;
    private final List<Alert> alerts = new ArrayList<>();
    private final Set<String> keys = new HashSet<>();
    private final Map<String, Instant> decided = new TreeMap<>();
    private FileChannel out;
    private long loadedBytes;
    private boolean decidedDirty;

    private AlertStore(Path dir, boolean writable) {
        this.dir = dir;
        this.writable = writable;
    }

    /** The alerts directory of a data directory. */
    public static Path dirIn(Path dataRoot) {
        return dataRoot.resolve("alerts");
    }

    /**
     * Opens the store for writing, creating it when missing. The data directory's lock must be held
     * by the caller (the pipeline).
     *
     * @throws IOException when it cannot be read or created
     */
    public static AlertStore open(Path dir) throws IOException {
        Files.createDirectories(dir);
        AlertStore s = new AlertStore(dir, true);
        s.load(true);
        s.loadDecided();
        s.out =
                FileChannel.open(
                        dir.resolve(ALERTS_FILE),
                        StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE,
                        StandardOpenOption.APPEND);
        return s;
    }

    /** Opens the store for reading; a missing directory reads as no alerts. */
    public static AlertStore openReadOnly(Path dir) {
        AlertStore s = new AlertStore(dir, false);
        try {
            s.load(false);
        } catch (IOException e) {
            LOG.warn("Reading the alerts in {} failed: {}.", dir, e.toString());
        }
        return s;
    }

    /**
     * Adds an alert unless one with its key is stored; durable when this returns true.
     *
     * @throws IOException when it cannot be written (nothing is added then)
     */
    public synchronized boolean add(Alert a) throws IOException {
        requireWritable();
        if (keys.contains(a.key())) {
            return false;
        }
        byte[] line = (AlertJson.write(a) + "\n").getBytes(StandardCharsets.UTF_8);
        ByteBuffer buf = ByteBuffer.wrap(line);
        while (buf.hasRemaining()) {
            out.write(buf);
        }
        out.force(false);
        loadedBytes += line.length;
        alerts.add(a);
        keys.add(a.key());
        return true;
    }

    /** Whether an alert with this key is stored. */
    public synchronized boolean contains(String key) {
        return keys.contains(key);
    }

    /** Every alert, in the order raised (oldest first). */
    public synchronized List<Alert> all() {
        refreshIfReadOnly();
        return List.copyOf(alerts);
    }

    /**
     * The alerts matching a query, newest window first, at most {@code limit}.
     *
     * @return the page and the number matching in all
     */
    public synchronized Page query(AlertQuery q, int limit) {
        refreshIfReadOnly();
        List<Alert> matching = new ArrayList<>();
        for (Alert a : alerts) {
            if (q.matches(a)) {
                matching.add(a);
            }
        }
        matching.sort(
                Comparator.comparing(Alert::windowStart)
                        .thenComparing(Alert::raisedAt)
                        .thenComparing(Alert::key)
                        .reversed());
        return new Page(
                matching.size(),
                List.copyOf(matching.subList(0, Math.min(limit, matching.size()))));
    }

    /** One page of alerts and how many matched. */
    public record Page(int total, List<Alert> alerts) {}

    /** The end of the last judged window of a scope (track and window width), or null. */
    public synchronized Instant decidedUntil(String scope) {
        return decided.get(scope);
    }

    /** Records that a scope's windows are judged up to {@code until}; saved by {@link #flush}. */
    public synchronized void markDecided(String scope, Instant until) {
        Instant before = decided.get(scope);
        if (before == null || until.isAfter(before)) {
            decided.put(scope, until);
            decidedDirty = true;
        }
    }

    /**
     * Saves the decision marks (write a temporary file, fsync, rename), if they changed.
     *
     * @throws IOException when they cannot be saved; they are kept to be saved next time
     */
    public synchronized void flush() throws IOException {
        if (!writable || !decidedDirty) {
            return;
        }
        Map<String, String> m = new LinkedHashMap<>();
        decided.forEach((k, v) -> m.put(k, v.toString()));
        Path tmp = dir.resolve(DECIDED_FILE + ".tmp");
        try (FileChannel ch =
                FileChannel.open(
                        tmp,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(ByteBuffer.wrap(MAPPER.writeValueAsBytes(m)));
            ch.force(true);
        }
        try {
            Files.move(
                    tmp,
                    dir.resolve(DECIDED_FILE),
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, dir.resolve(DECIDED_FILE), StandardCopyOption.REPLACE_EXISTING);
        }
        decidedDirty = false;
    }

    @Override
    public synchronized void close() {
        if (out == null) {
            return;
        }
        try {
            flush();
        } catch (IOException e) {
            LOG.warn(
                    "Saving how far alerts were judged failed: {}; they are judged again.",
                    e.toString());
        }
        try {
            out.close();
        } catch (IOException e) {
            LOG.warn("Closing the alerts file failed: {}.", e.toString());
        }
        out = null;
    }

    private void requireWritable() {
        if (!writable || out == null) {
            throw new IllegalStateException("the alert store is read-only or closed (a bug)");
        }
    }

    private void refreshIfReadOnly() {
        if (writable) {
            return;
        }
        try {
            Path file = dir.resolve(ALERTS_FILE);
            if (Files.isRegularFile(file) && Files.size(file) != loadedBytes) {
                alerts.clear();
                keys.clear();
                load(false);
            }
        } catch (IOException e) {
            LOG.warn("Reading the alerts in {} failed: {}.", dir, e.toString());
        }
    }

    private void load(boolean repairTail) throws IOException {
        Path file = dir.resolve(ALERTS_FILE);
        if (!Files.isRegularFile(file)) {
            loadedBytes = 0;
            return;
        }
        byte[] bytes = Files.readAllBytes(file);
        int start = 0;
        int lineNo = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] != '\n') {
                continue;
            }
            lineNo++;
            addLoaded(new String(bytes, start, i - start, StandardCharsets.UTF_8), lineNo);
            start = i + 1;
        }
        // A line without its newline was being written when the process stopped.
        if (start < bytes.length) {
            if (repairTail) {
                LOG.warn("The last alert in {} was cut off by a crash; it is judged again.", file);
                try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    ch.truncate(start);
                    ch.force(true);
                }
            }
        }
        loadedBytes = start;
    }

    private void addLoaded(String line, int lineNo) {
        if (line.isBlank()) {
            return;
        }
        try {
            Alert a = AlertJson.read(line);
            if (keys.add(a.key())) {
                alerts.add(a);
            }
        } catch (IllegalArgumentException e) {
            LOG.warn("Skipping line {} of the alerts file: {}.", lineNo, e.getMessage());
        }
    }

    private void loadDecided() throws IOException {
        Path file = dir.resolve(DECIDED_FILE);
        if (!Files.isRegularFile(file)) {
            return;
        }
        Map<String, String> m;
        try {
            m = MAPPER.readValue(file.toFile(), new TypeReference<HashMap<String, String>>() {});
        } catch (IOException e) {
            LOG.warn("{} cannot be read ({}); windows are judged again.", file, e.getMessage());
            return;
        }
        m.forEach((k, v) -> decided.put(k, Instant.parse(v)));
    }
}
