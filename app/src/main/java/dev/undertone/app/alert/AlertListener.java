package dev.undertone.app.alert;

import dev.undertone.core.alert.Alert;

/**
 * Told of each new alert once it is stored (the live feed, the metrics, the webhooks). Called on
 * the monitor's thread: implementations must not block (hand off to a bounded queue).
 */
public interface AlertListener {
    /** A new alert, already durable in the alert store. */
    void raised(Alert alert);
}
