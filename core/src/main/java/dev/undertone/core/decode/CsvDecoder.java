package dev.undertone.core.decode;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.undertone.core.post.PostSource;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Decodes one CSV record. A CSV record means nothing without its header, so a CSV payload is the
 * header record, a newline, then the data record (the file sources frame it so, and the journal and
 * {@code rejected/} keep both). The header must name a {@code text} column; {@code id}, {@code
 * created_at}, {@code lang}, {@code author} and {@code url} are optional, other columns ignored.
 */
final class CsvDecoder implements RecordDecoder {

    @Override
    public Decoded decode(RawRecord record) {
        String csv = TextLineDecoder.stripBom(new String(record.payload(), StandardCharsets.UTF_8));
        List<List<String>> records = CsvRecords.parse(csv, CsvRecords.delimiter(csv));
        if (records.size() < 2) {
            throw new Rejection(
                    records.isEmpty()
                            ? "empty CSV record"
                            : "CSV record without its header line (expected the header, a newline, then the record)");
        }
        if (records.size() > 2) {
            throw new Rejection(
                    "CSV payload holds "
                            + (records.size() - 1)
                            + " records; expected one after the header");
        }
        List<String> header = records.get(0);
        List<String> row = records.get(1);
        int text = column(header, "text");
        if (text < 0) {
            throw new Rejection(
                    "CSV header has no 'text' column (columns: "
                            + Ids.abbreviate(String.join(", ", header))
                            + ")");
        }
        if (row.size() != header.size()) {
            throw new Rejection(
                    "CSV record has " + row.size() + " fields but the header has " + header.size());
        }
        PostDraft d = new PostDraft(PostSource.FILE);
        d.text = row.get(text);
        String id = field(header, row, "id");
        d.id = id == null ? Ids.derive(record.origin(), record.payload()) : id;
        String created = field(header, row, "created_at");
        d.createdAt =
                created == null
                        ? record.receivedAt()
                        : GenericJsonDecoder.time(new TextNode(created), record);
        String lang = field(header, row, "lang");
        d.langs = lang == null ? List.of() : Langs.normalize(List.of(lang.split("[,\\s]+")));
        d.authorHandle = field(header, row, "author");
        d.url = field(header, row, "url");
        TextEntities.hashtags(d.text).forEach(d::addHashtag);
        TextEntities.mentions(d.text).forEach(d::addMention);
        TextEntities.links(d.text).forEach(d::addLink);
        return new Decoded.NewPost(d.build(), false);
    }

    private static int column(List<String> header, String name) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).strip().toLowerCase(Locale.ROOT).equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The named field's value, or null when the column is absent or the field blank. */
    private static String field(List<String> header, List<String> row, String name) {
        int i = column(header, name);
        if (i < 0) {
            return null;
        }
        String v = row.get(i).strip();
        return v.isEmpty() ? null : v;
    }
}
