package dev.undertone.app.store.lucene;

import dev.undertone.app.store.StoredPost;
import dev.undertone.core.index.IndexFields;
import dev.undertone.core.post.Post;
import dev.undertone.core.post.PostSource;
import dev.undertone.core.post.ScoredPost;
import dev.undertone.core.sentiment.Sentiment;
import dev.undertone.core.sentiment.SentimentResult;
import dev.undertone.core.sentiment.SentimentScores;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.DataOutput;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.BytesRef;

/**
 * The stored part of a post's document as one compact binary value: everything needed to rebuild
 * the post except its key and text, which stay stored fields of their own (a purge reads the keys
 * alone, and tools read both). One stored value instead of about twenty: each stored field costs
 * its own field object, number and type on write, and its own decoding on read.
 *
 * <p>Layout (Lucene's {@code DataOutput} encodings): a format byte, a flags byte, then the source,
 * id, created, indexed and scored times (zig-zag millis), the revision, the optional author handle,
 * author id and url, the languages, hashtags, mentions and tracks (each a count then strings), the
 * sentiment label, then the four scores (raw double bits) or the unscored reason, then the model
 * id. Times are kept to the millisecond, like the time fields.
 */
final class StoredPostCodec {
    private static final byte FORMAT = 1;
    private static final int REPLY = 1;
    private static final int REPOST = 1 << 1;
    private static final int QUOTE = 1 << 2;
    private static final int HAS_AUTHOR = 1 << 3;
    private static final int HAS_AUTHOR_ID = 1 << 4;
    private static final int HAS_URL = 1 << 5;

    private StoredPostCodec() {}

    /** The stored value of a post indexed at {@code indexedAt}. */
    static BytesRef encode(ScoredPost scored, Instant indexedAt) {
        Post p = scored.post();
        Output out = new Output(estimate(p));
        try {
            out.writeByte(FORMAT);
            int flags =
                    (p.reply() ? REPLY : 0)
                            | (p.repost() ? REPOST : 0)
                            | (p.quote() ? QUOTE : 0)
                            | (p.authorHandle() != null ? HAS_AUTHOR : 0)
                            | (p.authorId() != null ? HAS_AUTHOR_ID : 0)
                            | (p.url() != null ? HAS_URL : 0);
            out.writeByte((byte) flags);
            out.writeString(p.source().id());
            out.writeString(p.id());
            out.writeZLong(p.createdAt().toEpochMilli());
            out.writeZLong(indexedAt.toEpochMilli());
            out.writeZLong(scored.scoredAt().toEpochMilli());
            out.writeZLong(p.revision());
            writeOptional(out, p.authorHandle());
            writeOptional(out, p.authorId());
            writeOptional(out, p.url());
            writeList(out, p.langs());
            writeList(out, p.hashtags());
            writeList(out, p.mentions());
            writeList(out, p.tracks());
            SentimentResult r = scored.sentiment();
            if (r.isScored()) {
                out.writeString(r.sentiment().name());
                SentimentScores s = r.scores();
                out.writeLong(Double.doubleToRawLongBits(s.positive()));
                out.writeLong(Double.doubleToRawLongBits(s.negative()));
                out.writeLong(Double.doubleToRawLongBits(s.neutral()));
                out.writeLong(Double.doubleToRawLongBits(s.mixed()));
            } else {
                out.writeString(IndexFields.UNSCORED);
                out.writeString(r.unscoredReason());
            }
            out.writeString(scored.modelId());
        } catch (IOException e) {
            throw new UncheckedIOException("encoding a post in memory cannot fail", e);
        }
        return new BytesRef(out.bytes, 0, out.length);
    }

    /**
     * Rebuilds the post from its stored value and its text (a stored field of its own).
     *
     * @throws IllegalStateException if the value has a format this version does not know (an index
     *     written by a newer Undertone)
     */
    static StoredPost decode(BytesRef value, String text) {
        try {
            return read(new ByteArrayDataInput(value.bytes, value.offset, value.length), text);
        } catch (IOException e) {
            throw new UncheckedIOException("reading a post in memory cannot fail", e);
        }
    }

    private static StoredPost read(ByteArrayDataInput in, String text) throws IOException {
        byte format = in.readByte();
        if (format != FORMAT) {
            throw new IllegalStateException(
                    "stored post format " + format + " is newer than this Undertone knows");
        }
        int flags = in.readByte();
        PostSource source = PostSource.fromId(in.readString());
        String id = in.readString();
        Instant createdAt = Instant.ofEpochMilli(in.readZLong());
        Instant indexedAt = Instant.ofEpochMilli(in.readZLong());
        Instant scoredAt = Instant.ofEpochMilli(in.readZLong());
        long revision = in.readZLong();
        String author = (flags & HAS_AUTHOR) != 0 ? in.readString() : null;
        String authorId = (flags & HAS_AUTHOR_ID) != 0 ? in.readString() : null;
        String url = (flags & HAS_URL) != 0 ? in.readString() : null;
        List<String> langs = readList(in);
        List<String> hashtags = readList(in);
        List<String> mentions = readList(in);
        List<String> tracks = readList(in);
        String label = in.readString();
        SentimentResult result;
        if (IndexFields.UNSCORED.equals(label)) {
            result = SentimentResult.unscored(in.readString());
        } else {
            SentimentScores scores =
                    new SentimentScores(
                            Double.longBitsToDouble(in.readLong()),
                            Double.longBitsToDouble(in.readLong()),
                            Double.longBitsToDouble(in.readLong()),
                            Double.longBitsToDouble(in.readLong()));
            result = SentimentResult.scored(Sentiment.valueOf(label), scores);
        }
        String model = in.readString();
        Post post =
                new Post(
                        source,
                        id,
                        createdAt,
                        author,
                        authorId,
                        text,
                        langs,
                        url,
                        hashtags,
                        mentions,
                        (flags & REPLY) != 0,
                        (flags & REPOST) != 0,
                        (flags & QUOTE) != 0,
                        tracks,
                        List.of() /* links are not stored */,
                        revision);
        return new StoredPost(new ScoredPost(post, result, model, scoredAt), indexedAt);
    }

    /** A first block size that holds most posts without growing (the text is not in it). */
    private static int estimate(Post p) {
        return 128 + p.id().length() + (p.url() == null ? 0 : p.url().length());
    }

    private static void writeOptional(DataOutput out, String s) throws IOException {
        if (s != null) {
            out.writeString(s);
        }
    }

    private static void writeList(DataOutput out, List<String> values) throws IOException {
        out.writeVInt(values.size());
        for (String v : values) {
            out.writeString(v);
        }
    }

    private static List<String> readList(ByteArrayDataInput in) throws IOException {
        int n = in.readVInt();
        if (n == 0) {
            return List.of();
        }
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(in.readString());
        }
        return out;
    }

    /** A growable in-memory output whose array becomes the stored value without a copy. */
    private static final class Output extends DataOutput {
        byte[] bytes;
        int length;

        Output(int capacity) {
            bytes = new byte[capacity];
        }

        @Override
        public void writeByte(byte b) {
            if (length == bytes.length) {
                bytes = ArrayUtil.grow(bytes, length + 1);
            }
            bytes[length++] = b;
        }

        @Override
        public void writeBytes(byte[] b, int offset, int len) {
            bytes = ArrayUtil.grow(bytes, length + len);
            System.arraycopy(b, offset, bytes, length, len);
            length += len;
        }
    }
}
