package dev.undertone.app.source.jetstream;

/**
 * Remembers the identities of the events journaled during the last few seconds of stream time, so
 * that the events replayed after a rewound resume are not journaled twice. Only events the pipeline
 * has accepted are remembered: those of the batch last returned become remembered when the next
 * batch is asked for ({@link #commit}), and are forgotten if the source reconnects instead ({@link
 * #discardPending}).
 *
 * <p>A primitive open-addressing set plus a ring of (identity, time) in arrival order; entries
 * older than the window behind the newest time are evicted. Not thread-safe.
 */
final class ReplayDedupe {

    private final long windowUs;
    private long[] table = new long[1 << 12];
    private int size;
    private long[] ringIds = new long[1 << 10];
    private long[] ringTimes = new long[1 << 10];
    private int head;
    private int count;
    private int committed;
    private long newestUs = Long.MIN_VALUE;

    ReplayDedupe(long windowUs) {
        this.windowUs = windowUs;
    }

    /** True when an accepted event had this identity (0 is never a duplicate). */
    boolean seen(long id) {
        return id != 0 && indexOf(id) >= 0;
    }

    /** Records an event of the batch being built; not yet accepted. */
    void add(long id, long timeUs) {
        if (id == 0 || timeUs < 0) {
            return;
        }
        if (count == ringIds.length) {
            growRing();
        }
        int slot = (head + count) & (ringIds.length - 1);
        ringIds[slot] = id;
        ringTimes[slot] = timeUs;
        count++;
    }

    /** The batch returned last was accepted: remember its events, forget what is too old. */
    void commit() {
        for (int i = committed; i < count; i++) {
            int slot = (head + i) & (ringIds.length - 1);
            insert(ringIds[slot]);
            newestUs = Math.max(newestUs, ringTimes[slot]);
        }
        committed = count;
        while (committed > 0 && ringTimes[head] < newestUs - windowUs) {
            remove(ringIds[head]);
            head = (head + 1) & (ringIds.length - 1);
            count--;
            committed--;
        }
    }

    /** The batch returned last was not accepted: forget its events. */
    void discardPending() {
        count = committed;
    }

    /** Accepted identities currently remembered. */
    int size() {
        return size;
    }

    private void growRing() {
        int n = ringIds.length;
        long[] ids = new long[n * 2];
        long[] times = new long[n * 2];
        for (int i = 0; i < count; i++) {
            ids[i] = ringIds[(head + i) & (n - 1)];
            times[i] = ringTimes[(head + i) & (n - 1)];
        }
        ringIds = ids;
        ringTimes = times;
        head = 0;
    }

    private int indexOf(long id) {
        int mask = table.length - 1;
        for (int i = mix(id) & mask; table[i] != 0; i = (i + 1) & mask) {
            if (table[i] == id) {
                return i;
            }
        }
        return -1;
    }

    private void insert(long id) {
        if (indexOf(id) >= 0) {
            return;
        }
        if ((size + 1) * 2 > table.length) {
            rehash(table.length * 2);
        }
        int mask = table.length - 1;
        int i = mix(id) & mask;
        while (table[i] != 0) {
            i = (i + 1) & mask;
        }
        table[i] = id;
        size++;
    }

    private void remove(long id) {
        int i = indexOf(id);
        if (i < 0) {
            return;
        }
        int mask = table.length - 1;
        table[i] = 0;
        size--;
        // backward-shift deletion keeps every probe chain unbroken without tombstones
        for (int j = (i + 1) & mask; table[j] != 0; j = (j + 1) & mask) {
            int home = mix(table[j]) & mask;
            boolean movable = i <= j ? home <= i || home > j : home <= i && home > j;
            if (movable) {
                table[i] = table[j];
                table[j] = 0;
                i = j;
            }
        }
    }

    private void rehash(int capacity) {
        long[] old = table;
        table = new long[capacity];
        size = 0;
        for (long id : old) {
            if (id != 0) {
                insert(id);
            }
        }
    }

    private static int mix(long id) {
        long h = id * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
