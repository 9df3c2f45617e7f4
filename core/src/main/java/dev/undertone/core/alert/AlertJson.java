package dev.undertone.core.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON object of an alert, as {@code undertone alerts} prints it, {@code /api/alerts} returns
 * it, the live feed sends it and the alert store keeps it: {@code track, kind, window_start,
 * window_end, observed, expected, terms, examples} and the details.
 */
public final class AlertJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AlertJson() {}

    /** The alert as an ordered map of plain values. */
    public static Map<String, Object> toMap(Alert a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("track", a.track());
        m.put("kind", a.kind().id());
        m.put("window_start", a.windowStart().toString());
        m.put("window_end", a.windowEnd().toString());
        m.put("observed", a.observed());
        m.put("expected", round(a.expected()));
        m.put("score", round(a.score()));
        m.put("observed_share", a.observedShare() == null ? null : round(a.observedShare()));
        m.put("expected_share", a.expectedShare() == null ? null : round(a.expectedShare()));
        m.put("window_total", a.windowTotal());
        m.put("baseline_windows", a.baselineWindows());
        m.put("terms", a.terms());
        List<Map<String, Object>> examples = new ArrayList<>(a.examples().size());
        for (AlertExample e : a.examples()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("key", e.key());
            x.put("id", e.id());
            x.put("author", e.author());
            x.put("text", e.text());
            x.put("sentiment", e.sentiment());
            x.put("confidence", e.confidence());
            x.put("created_at", e.createdAt().toString());
            x.put("url", e.url());
            examples.add(x);
        }
        m.put("examples", examples);
        m.put("raised_at", a.raisedAt().toString());
        return m;
    }

    /** The alert as one line of compact JSON. */
    public static String write(Alert a) {
        return write(toMap(a));
    }

    /** A map of plain values as compact JSON. */
    public static String write(Map<String, Object> m) {
        try {
            return MAPPER.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("writing JSON of plain values (a bug)", e);
        }
    }

    /**
     * Reads an alert written by {@link #write(Alert)}.
     *
     * @throws IllegalArgumentException saying what is wrong with the line
     */
    public static Alert read(String line) {
        JsonNode n;
        try {
            n = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        try {
            List<String> terms = new ArrayList<>();
            n.path("terms").forEach(t -> terms.add(t.asText()));
            List<AlertExample> examples = new ArrayList<>();
            for (JsonNode x : n.path("examples")) {
                examples.add(
                        new AlertExample(
                                x.path("key").asText(),
                                x.path("id").asText(),
                                text(x, "author"),
                                x.path("text").asText(),
                                x.path("sentiment").asText(),
                                x.hasNonNull("confidence") ? x.get("confidence").asDouble() : null,
                                Instant.parse(x.path("created_at").asText()),
                                text(x, "url")));
            }
            return new Alert(
                    required(n, "track"),
                    AlertKind.fromId(required(n, "kind")),
                    Instant.parse(required(n, "window_start")),
                    Instant.parse(required(n, "window_end")),
                    n.path("observed").asLong(),
                    n.path("expected").asDouble(),
                    n.path("score").asDouble(),
                    n.hasNonNull("observed_share") ? n.get("observed_share").asDouble() : null,
                    n.hasNonNull("expected_share") ? n.get("expected_share").asDouble() : null,
                    n.path("window_total").asLong(),
                    n.path("baseline_windows").asInt(),
                    terms,
                    examples,
                    Instant.parse(required(n, "raised_at")));
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException(
                    "a field is missing or malformed: " + e.getMessage());
        }
    }

    private static String required(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("no " + field);
        }
        return v.asText();
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static double round(double x) {
        return Math.round(x * 1000) / 1000.0;
    }
}
