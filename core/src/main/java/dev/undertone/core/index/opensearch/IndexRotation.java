package dev.undertone.core.index.opensearch;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.WeekFields;
import java.util.Locale;

/**
 * Time-based index rotation behind an alias, with the index names Kinesis Data Firehose gives
 * ({@code posts-2016-02-25-13} hourly, {@code posts-2016-02-25} daily, {@code posts-2016-w08}
 * weekly, {@code posts-2016-02} monthly), all in UTC.
 *
 * <p>Undertone rotates by the post's creation time, not by arrival time as Firehose does: the same
 * post must always land in the same index, or a replayed or edited post would be stored twice.
 */
public enum IndexRotation {
    NONE,
    HOUR,
    DAY,
    WEEK,
    MONTH;

    private static final DateTimeFormatter HOURLY = DateTimeFormatter.ofPattern("uuuu-MM-dd-HH");
    private static final DateTimeFormatter DAILY = DateTimeFormatter.ofPattern("uuuu-MM-dd");
    private static final DateTimeFormatter MONTHLY = DateTimeFormatter.ofPattern("uuuu-MM");

    /** Parses {@code none|hour|day|week|month} (case-insensitive). */
    public static IndexRotation parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "'" + s + "' is not one of none, hour, day, week, month", e);
        }
    }

    /**
     * The concrete index for a post created at {@code t}: {@code base} itself when not rotating,
     * else {@code base-<suffix>}.
     */
    public String indexFor(String base, Instant t) {
        ZonedDateTime utc = t.atZone(ZoneOffset.UTC);
        return switch (this) {
            case NONE -> base;
            case HOUR -> base + "-" + HOURLY.format(utc);
            case DAY -> base + "-" + DAILY.format(utc);
            case WEEK -> base + "-" + firehoseWeek(utc.toLocalDate());
            case MONTH -> base + "-" + MONTHLY.format(utc);
        };
    }

    /**
     * The index pattern the template applies to: the base name when not rotating (the base name is
     * then the index), else {@code base-*}.
     */
    public String pattern(String base) {
        return this == NONE ? base : base + "-*";
    }

    /**
     * Firehose's week number ({@code yyyy-'w'ww}, UTC, weeks starting on Sunday). Its documented
     * example ({@code 2016-02-25} gives {@code 2016-w08}) fixes week 1 as the first week that lies
     * wholly in the year; days before it belong to the previous year's last week.
     */
    static String firehoseWeek(LocalDate d) {
        WeekFields wf = WeekFields.of(DayOfWeek.SUNDAY, 7);
        return String.format(
                Locale.ROOT,
                "%04d-w%02d",
                d.get(wf.weekBasedYear()),
                d.get(wf.weekOfWeekBasedYear()));
    }
}
