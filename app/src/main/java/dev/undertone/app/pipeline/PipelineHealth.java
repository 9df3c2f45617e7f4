package dev.undertone.app.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code /api/health} document of a running pipeline: the processor's state and backlog, and
 * per source its status, counts, last error and the source's own health fields.
 */
final class PipelineHealth {
    private PipelineHealth() {}

    static Map<String, Object> of(Pipeline pipeline, List<SourceRunner> runners) {
        Map<String, Object> h = new LinkedHashMap<>();
        Map<String, Object> p = new LinkedHashMap<>();
        long journalEnd = pipeline.journal().endOffset();
        long applied = pipeline.index().appliedOffset();
        p.put("state", pipeline.processorFailure() == null ? "running" : "failed");
        p.put("journal_end_offset", journalEnd);
        p.put("index_offset", applied);
        p.put("backlog", journalEnd - applied);
        h.put("pipeline", p);
        List<Map<String, Object>> sources = new ArrayList<>();
        for (SourceRunner r : runners) {
            SourceState s = r.state();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", s.name());
            m.put("status", s.status().name().toLowerCase(Locale.ROOT));
            m.put("reconnects", s.reconnects());
            m.put("records", s.records());
            m.put("last_record_at", s.lastRecordAt() == null ? null : s.lastRecordAt().toString());
            m.put("last_error", s.lastError());
            m.put("attempt", s.attempt());
            m.putAll(r.source().health());
            sources.add(m);
        }
        h.put("sources", sources);
        return h;
    }
}
