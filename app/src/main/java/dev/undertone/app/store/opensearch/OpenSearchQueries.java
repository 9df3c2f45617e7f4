package dev.undertone.app.store.opensearch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.undertone.app.store.PostFilter;
import dev.undertone.core.index.IndexFields;
import dev.undertone.core.index.opensearch.PostJson;
import java.util.Collection;
import java.util.Set;

/**
 * Translates a {@link PostFilter} into an OpenSearch query with the same meaning as the Lucene
 * store's: every part a filter clause, values of one part OR-ed, {@code q} in the simple query
 * syntax over the text with AND as the default operator.
 */
final class OpenSearchQueries {
    private OpenSearchQueries() {}

    /** The {@code query} object matching exactly the posts the filter keeps. */
    static ObjectNode of(PostFilter f) {
        ObjectNode query = PostJson.mapper().createObjectNode();
        if (f.isAll()) {
            query.putObject("match_all");
            return query;
        }
        ArrayNode filters = query.putObject("bool").putArray("filter");
        terms(filters, IndexFields.TRACKS, f.tracks());
        terms(filters, IndexFields.SENTIMENT, f.sentiments());
        terms(filters, IndexFields.SOURCE, f.sources());
        langs(filters, f.langs());
        if (f.from() != null || f.to() != null) {
            ObjectNode range =
                    filters.addObject().putObject("range").putObject(IndexFields.CREATED_AT);
            if (f.from() != null) {
                range.put("gte", f.from().toEpochMilli());
            }
            if (f.to() != null) {
                range.put("lt", f.to().toEpochMilli());
            }
            range.put("format", "epoch_millis");
        }
        if (f.q() != null) {
            ObjectNode sqs = filters.addObject().putObject("simple_query_string");
            sqs.put("query", f.q());
            sqs.putArray("fields").add(IndexFields.TEXT);
            sqs.put("default_operator", "and");
        }
        return query;
    }

    /** The posts that matched any of the tracks (lower-cased, as indexed). */
    static ObjectNode anyTrack(Collection<String> tracks) {
        ObjectNode query = PostJson.mapper().createObjectNode();
        ArrayNode a = query.putObject("terms").putArray(IndexFields.TRACKS);
        tracks.forEach(a::add);
        return query;
    }

    /** Both queries must match. */
    static ObjectNode and(ObjectNode a, ObjectNode b) {
        ObjectNode query = PostJson.mapper().createObjectNode();
        ArrayNode filters = query.putObject("bool").putArray("filter");
        filters.add(a);
        filters.add(b);
        return query;
    }

    private static void terms(ArrayNode filters, String field, Set<String> values) {
        if (values.isEmpty()) {
            return;
        }
        ArrayNode a = filters.addObject().putObject("terms").putArray(field);
        values.forEach(a::add);
    }

    /** {@code en} also matches {@code en-US}, as in the Lucene store. */
    private static void langs(ArrayNode filters, Set<String> langs) {
        if (langs.isEmpty()) {
            return;
        }
        ObjectNode bool = filters.addObject().putObject("bool");
        bool.put("minimum_should_match", 1);
        ArrayNode should = bool.putArray("should");
        ArrayNode exact = should.addObject().putObject("terms").putArray(IndexFields.LANG);
        langs.forEach(exact::add);
        for (String l : langs) {
            if (l.indexOf('-') < 0) {
                should.addObject().putObject("prefix").put(IndexFields.LANG, l + "-");
            }
        }
    }
}
