package dev.undertone.app.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.undertone.core.sentiment.SentimentResult;
import dev.undertone.core.sentiment.SentimentScores;
import dev.undertone.core.sentiment.eval.Metrics;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.Map;

/**
 * The JSON shapes of the sentiment commands (CONTRACT.md): one classified text, and the metrics
 * summary of {@code evaluate} and {@code train}. Texts are written through Jackson, so any string
 * (quotes, control characters, invalid surrogates) comes out as valid, escaped JSON.
 */
final class SentimentJson {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    /** Scores and metrics are written with this many decimals. */
    private static final int DECIMALS = 6;

    private static final double ROUNDING = 1e6;

    private SentimentJson() {}

    /** A generator for JSON lines on {@code out}, which it does not close. */
    static JsonGenerator lines(Writer out) throws IOException {
        JsonGenerator g = FACTORY.createGenerator(out);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.setRootValueSeparator(null);
        return g;
    }

    /**
     * {@code {"text":...,"sentiment":"POSITIVE","scores":{...}}}, or with {@code "sentiment":null}
     * and {@code "unscored":reason} when the model gave no label; then a newline.
     */
    static void classified(JsonGenerator g, String text, SentimentResult r) throws IOException {
        g.writeStartObject();
        g.writeStringField("text", text);
        if (r.isScored()) {
            g.writeStringField("sentiment", r.sentiment().name());
            SentimentScores s = r.scores();
            g.writeObjectFieldStart("scores");
            number(g, "positive", s.positive());
            number(g, "negative", s.negative());
            number(g, "neutral", s.neutral());
            number(g, "mixed", s.mixed());
            g.writeEndObject();
        } else {
            g.writeNullField("sentiment");
            g.writeStringField("unscored", r.unscoredReason());
        }
        g.writeEndObject();
        g.writeRaw('\n');
    }

    /**
     * The metrics object: {@code n, accuracy, macro_recall, macro_f1, f1_pn, per_class} and then
     * the extra fields given (e.g. {@code posts_per_second}).
     */
    static String metrics(Metrics m, Map<String, Object> extra) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("n", m.n());
            number(g, "accuracy", m.accuracy());
            number(g, "macro_recall", m.macroRecall());
            number(g, "macro_f1", m.macroF1());
            number(g, "f1_pn", m.f1Pn());
            g.writeObjectFieldStart("per_class");
            for (Map.Entry<String, Metrics.ClassMetrics> e : m.perClass().entrySet()) {
                Metrics.ClassMetrics c = e.getValue();
                g.writeObjectFieldStart(e.getKey());
                number(g, "precision", c.precision());
                number(g, "recall", c.recall());
                number(g, "f1", c.f1());
                g.writeNumberField("support", c.support());
                g.writeEndObject();
            }
            g.writeEndObject();
            for (Map.Entry<String, Object> e : extra.entrySet()) {
                Object v = e.getValue();
                if (v instanceof Double d) {
                    number(g, e.getKey(), d);
                } else if (v instanceof Number n) {
                    g.writeNumberField(e.getKey(), n.longValue());
                } else {
                    g.writeStringField(e.getKey(), String.valueOf(v));
                }
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("writing JSON to a string cannot fail", e);
        }
        return out.toString();
    }

    private static void number(JsonGenerator g, String name, double v) throws IOException {
        g.writeFieldName(name);
        g.writeNumber(decimal(v));
    }

    /**
     * A non-negative number with at most six decimals, in plain notation ({@code 0.000012}, not
     * {@code 1.2E-5}); cheaper than {@link Double#toString}, which matters at 100,000 lines/s.
     * Other values (negative, huge, NaN) fall back to {@link Double#toString} of the rounded value.
     */
    static String decimal(double v) {
        if (!(v >= 0 && v < Long.MAX_VALUE / ROUNDING)) {
            return Double.toString(Math.round(v * ROUNDING) / ROUNDING);
        }
        long units = Math.round(v * ROUNDING);
        long whole = units / (long) ROUNDING;
        long frac = units % (long) ROUNDING;
        StringBuilder sb = new StringBuilder(16).append(whole).append('.');
        if (frac == 0) {
            return sb.append('0').toString();
        }
        int digits = DECIMALS;
        while (frac % 10 == 0) {
            frac /= 10;
            digits--;
        }
        String f = Long.toString(frac);
        for (int i = f.length(); i < digits; i++) {
            sb.append('0');
        }
        return sb.append(f).toString();
    }
}
