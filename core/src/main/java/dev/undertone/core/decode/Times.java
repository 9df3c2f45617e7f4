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
        Instant fast = parseIsoFast(s);
        if (fast != null) {
            return fast;
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
        Instant fast = parseIsoFast(s);
        if (fast != null) {
            return fast;
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * The common shape {@code 2026-03-14T15:00:00[.fraction](Z|+hh:mm)} parsed without the
     * java.time parser, which dominates decoding time otherwise; null for any other shape.
     */
    static Instant parseIsoFast(String s) {
        int n = s.length();
        if (n < 20
                || s.charAt(4) != '-'
                || s.charAt(7) != '-'
                || s.charAt(10) != 'T'
                || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (year < 0
                || month < 1
                || month > 12
                || day < 1
                || day > 31
                || hour < 0
                || hour > 23
                || minute < 0
                || minute > 59
                || second < 0
                || second > 59) {
            return null;
        }
        int i = 19;
        int nanos = 0;
        if (s.charAt(i) == '.') {
            int start = ++i;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
            }
            int len = i - start;
            if (len == 0 || len > 9) {
                return null;
            }
            nanos = digits(s, start, len);
            for (int k = len; k < 9; k++) {
                nanos *= 10;
            }
        }
        int offsetSeconds;
        if (i == n - 1 && (s.charAt(i) == 'Z' || s.charAt(i) == 'z')) {
            offsetSeconds = 0;
        } else if (i == n - 6
                && (s.charAt(i) == '+' || s.charAt(i) == '-')
                && s.charAt(i + 3) == ':') {
            int oh = digits(s, i + 1, 2);
            int om = digits(s, i + 4, 2);
            if (oh < 0 || oh > 18 || om < 0 || om > 59) {
                return null;
            }
            offsetSeconds = (oh * 3600 + om * 60) * (s.charAt(i) == '-' ? -1 : 1);
        } else {
            return null;
        }
        if (day > LocalDate.of(year, month, 1).lengthOfMonth()) {
            return null;
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        long epochSecond = epochDay * 86_400 + hour * 3600L + minute * 60L + second - offsetSeconds;
        return Instant.ofEpochSecond(epochSecond, nanos);
    }

    /** The non-negative number in s[from, from+len), or -1 if any of it is not a digit. */
    private static int digits(String s, int from, int len) {
        int v = 0;
        for (int i = from; i < from + len; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
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
