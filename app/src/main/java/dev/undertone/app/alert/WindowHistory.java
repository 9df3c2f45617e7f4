package dev.undertone.app.alert;

import dev.undertone.core.alert.WindowCounts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The counts of one track's recent windows, so a window's baseline is read from memory instead of
 * the index: loaded once from the index, then kept up to date with every window judged. Windows
 * without posts are absent (they count as 0). Used by the monitor's thread only.
 */
final class WindowHistory {
    private final NavigableMap<Instant, WindowCounts> windows = new TreeMap<>();
    private Instant coveredFrom;
    private Instant firstActive;

    /** Whether the windows from {@code from} on are known. */
    boolean covers(Instant from) {
        return coveredFrom != null && !coveredFrom.isAfter(from);
    }

    /** Takes the windows read from the index for {@code [from, to)}. */
    void load(Instant from, Instant to, List<WindowCounts> loaded) {
        for (WindowCounts w : loaded) {
            if (w.total() > 0) {
                windows.put(w.start(), w);
                if (firstActive == null || w.start().isBefore(firstActive)) {
                    firstActive = w.start();
                }
            }
        }
        coveredFrom = coveredFrom == null || from.isBefore(coveredFrom) ? from : coveredFrom;
        if (firstActive == null) {
            firstActive = to;
        }
    }

    /** Records a judged window. */
    void put(WindowCounts w) {
        if (w.total() > 0) {
            windows.put(w.start(), w);
        }
        if (firstActive == null || w.start().isBefore(firstActive)) {
            firstActive = w.start();
        }
    }

    /** The known non-empty windows in {@code [from, to)}. */
    List<WindowCounts> between(Instant from, Instant to) {
        return new ArrayList<>(windows.subMap(from, true, to, false).values());
    }

    /** When the track's first known posts were, or null. */
    Instant firstActive() {
        return firstActive;
    }

    /** Forgets windows before {@code from}. */
    void prune(Instant from) {
        windows.headMap(from, false).clear();
    }
}
