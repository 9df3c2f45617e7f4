package dev.undertone.app.store.lucene;

import dev.undertone.app.store.InvalidQueryException;
import dev.undertone.app.store.PostFilter;
import dev.undertone.core.index.IndexFields;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;

/** Translates a {@link PostFilter} into a Lucene query over the fields of {@link PostDocuments}. */
final class LuceneQueries {
    private static final Analyzer ANALYZER = PostDocuments.analyzer();

    private LuceneQueries() {}

    /** The query matching exactly the posts the filter keeps. */
    static Query of(PostFilter f) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        int clauses = 0;
        clauses += anyOf(b, IndexFields.TRACKS, f.tracks());
        clauses += anyOf(b, IndexFields.SENTIMENT, f.sentiments());
        clauses += anyOf(b, IndexFields.LANG, f.langs());
        clauses += anyOf(b, IndexFields.SOURCE, f.sources());
        if (f.from() != null || f.to() != null) {
            long lo = f.from() == null ? Long.MIN_VALUE : f.from().toEpochMilli();
            long hi = f.to() == null ? Long.MAX_VALUE : f.to().toEpochMilli() - 1;
            b.add(
                    LongPoint.newRangeQuery(IndexFields.CREATED_AT, lo, hi),
                    BooleanClause.Occur.FILTER);
            clauses++;
        }
        if (f.q() != null) {
            b.add(fullText(f.q()), BooleanClause.Occur.FILTER);
            clauses++;
        }
        return clauses == 0 ? new MatchAllDocsQuery() : b.build();
    }

    /** The posts that matched any of the tracks (lower-cased, as indexed). */
    static Query anyTrack(Collection<String> tracks) {
        return new TermInSetQuery(
                IndexFields.TRACKS,
                tracks.stream().map(BytesRef::new).collect(Collectors.toList()));
    }

    /** Both queries must match. */
    static Query and(Query a, Query b) {
        return new BooleanQuery.Builder()
                .add(a, BooleanClause.Occur.FILTER)
                .add(b, BooleanClause.Occur.FILTER)
                .build();
    }

    private static Query fullText(String q) {
        SimpleQueryParser parser = new SimpleQueryParser(ANALYZER, IndexFields.TEXT);
        parser.setDefaultOperator(BooleanClause.Occur.MUST);
        try {
            return parser.parse(q);
        } catch (RuntimeException e) {
            // The simple syntax is lenient, but a query can still be too large to build.
            throw new InvalidQueryException("q", "cannot be searched: " + e.getMessage());
        }
    }

    private static int anyOf(BooleanQuery.Builder b, String field, Set<String> values) {
        if (values.isEmpty()) {
            return 0;
        }
        b.add(
                new TermInSetQuery(
                        field, values.stream().map(BytesRef::new).collect(Collectors.toList())),
                BooleanClause.Occur.FILTER);
        return 1;
    }
}
