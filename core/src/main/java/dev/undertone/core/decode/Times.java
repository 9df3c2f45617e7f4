package dev.undertone.core.decode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Parses the time formats found in posts: ISO-8601, epoch numbers, Twitter v1.1 dates. */
final class Times {
    /** Twitter v1.1 {@code created_at}: {@code Fri Jul 12 23:40:37 +0000 2019}. */
    private static final DateTimeFormatter TWITTER =
            DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy", Locale.ROOT);

    private static final long EPOCH_SECONDS_BELOW = 100_000_000_000L;
    private static final long EPOCH_MILLIS_BELOW = 100_000_000_000_000L;
    private static final long EPOCH_MICROS_BELOW = 100_000_000_000_000_000L;

    private Times() {}

    /**
     * Parses an ISO-8601 time (with or without offset; without one it is UTC), a date, or an epoch
     * number in seconds, milliseconds, microseconds or nanoseconds (told apart by magnitude).
     *
     * @return the instant, or null when the text is none of these
     */
    static Instant parseFlexible(String text) {
        if (text == null) {
            return null;
        }
        String s = text.trim();
        if (s.isEmpty()) {
            return null;
        }
        if (isDigits(s)) {
            return s.length() > 19 ? null : fromEpochNumber(Long.parseLong(s));
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException ignored) {
            // Not offset-qualified; try the forms below.
        }
        try {
            return LocalDateTime.parse(s.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException ignored) {
            // Not a local date-time either.
        }
        try {
            return LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException ignored) {
            // Not a date.
        }
        return parseTwitter(s);
    }

    /** An epoch number in seconds, millis, micros or nanos, told apart by its magnitude. */
    static Instant fromEpochNumber(long n) {
        if (n < 0) {
            return null;
        }
        if (n < EPOCH_SECONDS_BELOW) {
            return Instant.ofEpochSecond(n);
        }
        if (n < EPOCH_MILLIS_BELOW) {
            return Instant.ofEpochMilli(n);
        }
        if (n < EPOCH_MICROS_BELOW) {
            return Instant.ofEpochSecond(n / 1_000_000, (n % 1_000_000) * 1_000);
        }
        return Instant.ofEpochSecond(n / 1_000_000_000, n % 1_000_000_000);
    }

    /** Parses Twitter v1.1's date format, or returns null. */
    static Instant parseTwitter(String s) {
        try {
            return OffsetDateTime.parse(s, TWITTER).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Parses an ISO-8601 instant as the streaming APIs write it, or returns null. */
    static Instant parseIso(String s) {
        if (s == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static boolean isDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
