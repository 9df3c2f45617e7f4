package dev.undertone.app.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the buckets of a timeline fall: the interval (given, or chosen for the range) and the
 * aligned start and end. Shared by every store so they all bucket alike.
 *
 * @param interval the bucket width
 * @param from the first bucket's start, a multiple of the interval since the epoch
 * @param bucketCount how many buckets, at least 1
 */
public record TimelinePlan(Duration interval, Instant from, int bucketCount) {

    /** The most buckets one timeline returns; longer ranges keep their newest buckets. */
    public static final int MAX_BUCKETS = 10_080;

    /** About how many buckets an automatically chosen interval aims for. */
    static final int AUTO_TARGET_BUCKETS = 120;

    private static final Pattern INTERVAL = Pattern.compile("(\\d{1,6})([smhd])");
    private static final List<Duration> NICE_INTERVALS =
            List.of(
                    Duration.ofSeconds(1),
                    Duration.ofSeconds(5),
                    Duration.ofSeconds(15),
                    Duration.ofSeconds(30),
                    Duration.ofMinutes(1),
                    Duration.ofMinutes(5),
                    Duration.ofMinutes(15),
                    Duration.ofMinutes(30),
                    Duration.ofHours(1),
                    Duration.ofHours(3),
                    Duration.ofHours(6),
                    Duration.ofHours(12),
                    Duration.ofDays(1),
                    Duration.ofDays(7),
                    Duration.ofDays(30));

    /** The end of the last bucket (exclusive). */
    public Instant to() {
        return from.plus(interval.multipliedBy(bucketCount));
    }

    /** The start of bucket {@code i}. */
    public Instant bucketStart(int i) {
        return from.plus(interval.multipliedBy(i));
    }

    /** The bucket holding an epoch-millisecond time, or -1 when it falls outside. */
    public int bucketOf(long epochMillis) {
        return buckets().of(epochMillis);
    }

    /**
     * The plan in plain longs, for collectors that ask {@link #bucketOf} of every matching
     * document: the Instant and Duration arithmetic per document cost a third of a pass over a
     * million posts.
     */
    public Buckets buckets() {
        return new Buckets(from.toEpochMilli(), interval.toMillis(), bucketCount);
    }

    /**
     * A plan's buckets in epoch milliseconds.
     *
     * @param fromMillis the first bucket's start
     * @param widthMillis the bucket width
     * @param count how many buckets
     */
    public record Buckets(long fromMillis, long widthMillis, int count) {
        /** The bucket holding an epoch-millisecond time, or -1 when it falls outside. */
        public int of(long epochMillis) {
            long offset = epochMillis - fromMillis;
            if (offset < 0) {
                return -1;
            }
            long i = offset / widthMillis;
            return i < count ? (int) i : -1;
        }
    }

    /**
     * Plans the buckets covering {@code [first, last]}.
     *
     * @param interval the bucket width, or null to choose one giving about {@value
     *     #AUTO_TARGET_BUCKETS} buckets
     * @param first the earliest time to cover
     * @param last the latest time to cover (inclusive), not before {@code first}
     */
    public static TimelinePlan of(Duration interval, Instant first, Instant last) {
        long span = Math.max(1, last.toEpochMilli() - first.toEpochMilli() + 1);
        Duration width = interval != null ? interval : autoInterval(span);
        long w = width.toMillis();
        long start = Math.floorDiv(first.toEpochMilli(), w) * w;
        long end = Math.floorDiv(last.toEpochMilli(), w) * w + w;
        long count = (end - start) / w;
        if (count > MAX_BUCKETS) {
            start = end - MAX_BUCKETS * w;
            count = MAX_BUCKETS;
        }
        return new TimelinePlan(width, Instant.ofEpochMilli(start), (int) count);
    }

    private static Duration autoInterval(long spanMillis) {
        for (Duration d : NICE_INTERVALS) {
            if (spanMillis / d.toMillis() <= AUTO_TARGET_BUCKETS) {
                return d;
            }
        }
        return NICE_INTERVALS.get(NICE_INTERVALS.size() - 1);
    }

    /**
     * Parses the {@code interval} parameter: a count and a unit ({@code 30s}, {@code 1m}, {@code
     * 5m}, {@code 1h}, {@code 1d}), or {@code auto} (returned as null).
     *
     * @throws InvalidQueryException naming {@code interval} when it is malformed or under a second
     */
    public static Duration parseInterval(String value) {
        if (value == null || value.isBlank() || value.strip().equalsIgnoreCase("auto")) {
            return null;
        }
        Matcher m = INTERVAL.matcher(value.strip().toLowerCase(Locale.ROOT));
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw new InvalidQueryException(
                    "interval",
                    "expected a positive count and a unit s, m, h or d (e.g. 5m), or auto");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }
}
