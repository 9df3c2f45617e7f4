package dev.undertone.app.web;

import dev.undertone.app.store.ExportSink;
import dev.undertone.app.store.PostFilter;
import dev.undertone.app.store.StoredPost;
import dev.undertone.core.post.Post;
import dev.undertone.core.post.ScoredPost;
import dev.undertone.core.sentiment.SentimentResult;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes exported posts as JSON lines or CSV, one post at a time, for {@code export} and {@code GET
 * /api/export}.
 *
 * <p>CSV cells that a spreadsheet would read as a formula ({@code =}, {@code +}, {@code -},
 * {@code @}, tab, CR at the start) are prefixed with {@code '}: post texts are untrusted.
 */
public final class ExportWriter implements ExportSink, AutoCloseable {
    static final List<String> CSV_COLUMNS =
            List.of(
                    "key",
                    "source",
                    "id",
                    "created_at",
                    "indexed_at",
                    "author",
                    "author_id",
                    "lang",
                    "sentiment",
                    "confidence",
                    "score_positive",
                    "score_negative",
                    "score_neutral",
                    "score_mixed",
                    "unscored_reason",
                    "model",
                    "tracks",
                    "hashtags",
                    "mentions",
                    "url",
                    "text");

    private final Writer out;
    private final ExportFormat format;

    /**
     * A writer of the given format onto a stream (not closed by {@link #close()}, only flushed).
     */
    public ExportWriter(OutputStream stream, ExportFormat format) throws IOException {
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
        this.format = format;
        if (format == ExportFormat.CSV) {
            out.write(String.join(",", CSV_COLUMNS));
            out.write("\r\n");
        }
    }

    @Override
    public void accept(StoredPost post) throws IOException {
        if (format == ExportFormat.JSONL) {
            out.write(ApiJson.write(ApiJson.post(post)));
            out.write('\n');
        } else {
            writeCsvRow(post);
        }
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }

    private void writeCsvRow(StoredPost stored) throws IOException {
        ScoredPost s = stored.post();
        Post p = s.post();
        SentimentResult r = s.sentiment();
        List<String> cells =
                List.of(
                        p.key(),
                        p.source().id(),
                        p.id(),
                        p.createdAt().toString(),
                        stored.indexedAt().toString(),
                        nullToEmpty(p.authorHandle()),
                        nullToEmpty(p.authorId()),
                        String.join(" ", p.langs()),
                        PostFilter.sentimentOf(s),
                        r.isScored() ? Double.toString(r.confidence()) : "",
                        r.isScored() ? Double.toString(r.scores().positive()) : "",
                        r.isScored() ? Double.toString(r.scores().negative()) : "",
                        r.isScored() ? Double.toString(r.scores().neutral()) : "",
                        r.isScored() ? Double.toString(r.scores().mixed()) : "",
                        nullToEmpty(r.unscoredReason()),
                        s.modelId(),
                        String.join("|", p.tracks()),
                        String.join(" ", p.hashtags()),
                        String.join(" ", p.mentions()),
                        nullToEmpty(p.url()),
                        p.text());
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(csvCell(cells.get(i)));
        }
        out.write("\r\n");
    }

    /** One CSV cell: quoted when needed, formula-looking text defused. */
    static String csvCell(String value) {
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 && !isNumber(v)) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0
                || v.indexOf('"') >= 0
                || v.indexOf('\n') >= 0
                || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }

    private static boolean isNumber(String v) {
        try {
            Double.parseDouble(v);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
