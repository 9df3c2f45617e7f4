package dev.undertone.app.alert;

import dev.undertone.core.alert.Alert;
import dev.undertone.core.alert.AlertKind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code undertone_alerts_total{track,kind}}: alerts raised by this process. The tracks in force
 * are registered at 0 up front so a dashboard can graph them before the first alert; only tracks in
 * force become tag values, so the metric's cardinality is bounded by {@code --track}.
 */
public final class AlertMetrics implements AlertListener {
    static final String NAME = "undertone_alerts";

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public AlertMetrics(MeterRegistry registry, List<String> tracks) {
        this.registry = registry;
        for (String t : tracks) {
            for (AlertKind k : AlertKind.values()) {
                counter(t, k);
            }
        }
    }

    @Override
    public void raised(Alert alert) {
        counter(alert.track(), alert.kind()).increment();
    }

    private Counter counter(String track, AlertKind kind) {
        String t = track.toLowerCase(Locale.ROOT);
        return counters.computeIfAbsent(
                t + "|" + kind.id(),
                k ->
                        Counter.builder(NAME)
                                .description("Alerts raised, by track and kind.")
                                .tag("track", t)
                                .tag("kind", kind.id())
                                .register(registry));
    }
}
