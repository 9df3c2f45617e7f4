package dev.undertone.app.web;

import dev.undertone.app.alert.AlertStore;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * What the server shows of topic monitoring: the tracks in force and the stored alerts.
 *
 * @param tracks the track phrases in force ({@code run --track}), or those found in the index
 *     ({@code serve}), asked per request
 * @param alerts the alerts of the data directory
 * @param window the alert window, also the width of "volume now" in {@code /api/tracks}
 */
public record MonitorView(Supplier<List<String>> tracks, AlertStore alerts, Duration window) {}
