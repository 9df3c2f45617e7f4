package dev.undertone.core.track;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads one of Lingua 1.2.2's n-gram model files straight into a {@link PackedNgramModel}: no
 * {@code String} per n-gram and no hash map in between, where Lingua's own reader makes both and
 * {@link PackedNgramModel#of} then packs the map (docs/benchmarks.md has the CPU time of each).
 *
 * <p>A file is {@code {"language":"GERMAN","ngrams":{"3/98":"onysi pallg ...", ...}}}: under each
 * fraction, the n-grams that have it as their frequency, separated by spaces. A frequency is
 * computed as Lingua's {@code TrainingDataLanguageModel.fromJson} computes it, the numerator parsed
 * as a float divided by the denominator as a float, so it is Lingua's float to the bit. Stricter
 * than Lingua, which would fail later or quietly: a key that is not a fraction of whole numbers, a
 * zero denominator, an n-gram of another length, another field or a file without n-grams is an
 * {@link IllegalArgumentException} naming the file.
 */
final class LinguaModelReader {
    /**
     * Field names are the fractions, up to 70,000 distinct ones in a file: canonicalizing and
     * interning them tripled the time. Without, Jackson would read bytes through the JDK's stream
     * decoder, slower than decoding the whole file to a String first, which {@code read} does.
     */
    private static final JsonFactory JSON =
            JsonFactory.builder().disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES).build();

    /** Numerators up to this are whole floats, as Float.parseFloat would give them. */
    private static final long EXACT_FLOAT = 1L << 24;

    private static final String LANGUAGE = "language";
    private static final String NGRAMS = "ngrams";

    private final int length;
    private final PackedNgramModelBuilder builder;

    /** The n-grams of every frequency, one group after the other, spaces kept. */
    private char[] text = new char[1 << 16];

    private int textLength;

    /** Per group of n-grams: where it ends in {@link #text}, and its frequency's index. */
    private int[] ends = new int[1 << 10];

    private int[] frequencies = new int[1 << 10];
    private int groups;

    private LinguaModelReader(int length) {
        this.length = length;
        this.builder = new PackedNgramModelBuilder(length);
    }

    /**
     * The model of n-grams of {@code length} letters in the file {@code in} reads; {@code path}
     * names it in errors. Does not close {@code in}.
     *
     * @throws IllegalArgumentException when the file is not a model of such n-grams
     * @throws UncheckedIOException when it cannot be read or is not JSON
     */
    static PackedNgramModel read(InputStream in, String path, int length) {
        try {
            return new LinguaModelReader(length).read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("reading Lingua's model " + path, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "reading Lingua's model " + path + ": " + e.getMessage(), e);
        }
    }

    private PackedNgramModel read(InputStream in) throws IOException {
        String file = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        try (JsonParser json = JSON.createParser(file)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("not a JSON object");
            }
            // The parser itself fails on a missing close, so the loop ends on the object's end.
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String name = json.currentName();
                JsonToken value = json.nextToken();
                if (name.equals(LANGUAGE)) {
                    json.skipChildren();
                } else if (name.equals(NGRAMS) && value == JsonToken.START_OBJECT) {
                    readGroups(json);
                } else {
                    throw new IllegalArgumentException(
                            "unexpected field '" + name + "' (" + value + ")");
                }
            }
        }
        if (groups == 0) {
            throw new IllegalArgumentException("no n-grams");
        }
        // Second pass: every n-gram has been checked to be `length` letters and one space apart.
        int from = 0;
        for (int g = 0; g < groups; g++) {
            for (int at = from; at < ends[g]; at += length + 1) {
                builder.put(text, at, frequencies[g]);
            }
            from = ends[g];
        }
        return builder.build();
    }

    /** First pass: keeps each group's n-grams and frequency, and shows them to the builder. */
    private void readGroups(JsonParser json) throws IOException {
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String fraction = json.currentName();
            float frequency = frequency(fraction);
            if (json.nextToken() != JsonToken.VALUE_STRING) {
                throw new IllegalArgumentException("the n-grams of " + fraction + " not a string");
            }
            int start =
                    append(json.getTextCharacters(), json.getTextOffset(), json.getTextLength());
            for (int at = start; ; at += length + 1) {
                int end = at;
                while (end < textLength && text[end] != ' ') {
                    end++;
                }
                if (end - at != length) {
                    throw new IllegalArgumentException(
                            "n-gram '"
                                    + new String(text, at, end - at)
                                    + "' of "
                                    + fraction
                                    + " is not "
                                    + length
                                    + " letters long");
                }
                builder.see(text, at);
                if (end == textLength) {
                    break;
                }
            }
            if (groups == ends.length) {
                ends = Arrays.copyOf(ends, groups * 2);
                frequencies = Arrays.copyOf(frequencies, groups * 2);
            }
            ends[groups] = textLength;
            frequencies[groups++] = builder.newFrequency(frequency);
        }
    }

    /** Copies a group's n-grams to the end of {@link #text}; where they start. */
    private int append(char[] chars, int offset, int count) {
        int start = textLength;
        if (start + count > text.length) {
            text = Arrays.copyOf(text, Math.max(text.length * 2, start + count));
        }
        System.arraycopy(chars, offset, text, start, count);
        textLength += count;
        return start;
    }

    /**
     * The frequency a key such as {@code 3/98} stands for, computed as Lingua does: {@code
     * Float.parseFloat(numerator) / Integer.parseInt(denominator)}, in float.
     *
     * @throws IllegalArgumentException when the key is not a fraction of whole numbers with a
     *     denominator of 1 to {@link Integer#MAX_VALUE}
     */
    static float frequency(String fraction) {
        int slash = fraction.indexOf('/');
        long numerator = slash < 0 ? -1 : digits(fraction, 0, slash);
        long denominator = slash < 0 ? -1 : digits(fraction, slash + 1, fraction.length());
        if (numerator < 0 || denominator < 0) {
            throw new IllegalArgumentException(
                    "frequency '" + fraction + "' is not a fraction of whole numbers");
        }
        if (denominator == 0) {
            throw new IllegalArgumentException("frequency '" + fraction + "' divides by 0");
        }
        if (denominator > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(
                    "frequency '" + fraction + "' has a denominator too large");
        }
        // Float.parseFloat gives the nearest float, which for a small whole number is itself.
        float n =
                numerator <= EXACT_FLOAT
                        ? numerator
                        : Float.parseFloat(fraction.substring(0, slash));
        return n / (float) denominator;
    }

    /**
     * The whole number {@code s[from, to)} is in ASCII digits; {@link Long#MAX_VALUE} when it is
     * longer than 18 digits, -1 when it is not one.
     */
    private static long digits(String s, int from, int to) {
        if (from >= to) {
            return -1;
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value < Long.MAX_VALUE / 100 ? value * 10 + (c - '0') : Long.MAX_VALUE;
        }
        return value;
    }
}
