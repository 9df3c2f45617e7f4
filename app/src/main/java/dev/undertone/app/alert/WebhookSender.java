package dev.undertone.app.alert;

import dev.undertone.core.alert.Alert;
import dev.undertone.core.alert.AlertJson;
import dev.undertone.core.retry.Backoff;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs each alert to one webhook ({@code --alert-webhook}) as its JSON object plus a human {@code
 * text} field, which a Slack-style incoming webhook shows as the message.
 *
 * <p>Never blocks the pipeline: {@link #raised} only queues (a bounded queue; what does not fit is
 * dropped and counted). One sender thread delivers in order and retries a failed POST (connection
 * refused, timeout, HTTP 408, 429 or 5xx) with exponential backoff and full jitter (the sources'
 * and the OpenSearch sink's {@link Backoff}); other 4xx answers are not retried. Failures are
 * counted ({@code undertone_alert_webhook_total{outcome}}) and logged once until a POST succeeds
 * again, naming the webhook only by scheme, host and port.
 */
public final class WebhookSender implements AlertListener, AutoCloseable {
    static final String METRIC = "undertone_alert_webhook";
    private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);
    private static final int QUEUE = 1000;
    private static final int HTTP_TIMEOUT = 408;
    private static final int HTTP_TOO_MANY = 429;
    private static final int HTTP_SERVER_ERROR = 500;

    /**
     * How deliveries are retried.
     *
     * @param initialBackoff the ceiling of the wait before the first retry, doubled each time
     *     (default 1 s); each wait is drawn uniformly up to its ceiling
     * @param maxBackoff the highest ceiling of a wait between tries (default 60 s)
     * @param maxAttempts tries per alert before it is given up (default 8: the ceilings add up to
     *     about 2 minutes, the waits to about 1 on average)
     * @param requestTimeout how long one POST may take, connecting included (default 10 s)
     */
    public record Options(
            Duration initialBackoff,
            Duration maxBackoff,
            int maxAttempts,
            Duration requestTimeout) {
        public static final Options DEFAULTS =
                new Options(
                        Duration.ofSeconds(1), Duration.ofSeconds(60), 8, Duration.ofSeconds(10));
    }

    private final WebhookUrl url;
    private final Options options;
    private final HttpClient http;
    private final BlockingQueue<Alert> queue = new ArrayBlockingQueue<>(QUEUE);
    private final Counter delivered;
    private final Counter failedAttempts;
    private final Counter givenUp;
    private final Counter dropped;
    private final Thread thread;
    private volatile boolean closed;
    private volatile boolean sending;
    private boolean failing;

    public WebhookSender(WebhookUrl url, MeterRegistry registry, Options options) {
        this.url = url;
        this.options = options;
        this.http =
                HttpClient.newBuilder()
                        .connectTimeout(options.requestTimeout())
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build();
        String tag = url.redacted();
        this.delivered = counter(registry, tag, "delivered", "Alerts delivered to a webhook.");
        this.failedAttempts =
                counter(registry, tag, "failed_attempt", "Webhook POSTs that failed (retried).");
        this.givenUp = counter(registry, tag, "given_up", "Alerts a webhook never took.");
        this.dropped =
                counter(registry, tag, "dropped", "Alerts dropped: the webhook's queue was full.");
        this.thread = new Thread(this::loop, "undertone-webhook");
        thread.setDaemon(true);
        thread.start();
    }

    private static Counter counter(MeterRegistry r, String webhook, String outcome, String doc) {
        return Counter.builder(METRIC)
                .description(doc)
                .tag("webhook", webhook)
                .tag("outcome", outcome)
                .register(r);
    }

    @Override
    public void raised(Alert alert) {
        if (closed || !queue.offer(alert)) {
            dropped.increment();
            LOG.warn("Dropping an alert for the webhook {}: {} alerts wait already.", url, QUEUE);
        }
    }

    /** Alerts delivered so far. */
    public long delivered() {
        return (long) delivered.count();
    }

    /** POSTs that failed so far (each retry counts). */
    public long failedAttempts() {
        return (long) failedAttempts.count();
    }

    /**
     * Stops taking alerts and waits up to {@code drain} for the queued ones to be delivered (the
     * end of a replay), then stops.
     */
    public void close(Duration drain) {
        closed = true;
        long deadline = System.nanoTime() + drain.toNanos();
        while ((!queue.isEmpty() || sending) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (!queue.isEmpty() || sending) {
            LOG.warn(
                    "{} alerts were not delivered to the webhook {} before stopping.",
                    queue.size() + (sending ? 1 : 0),
                    url);
        }
        thread.interrupt();
    }

    @Override
    public void close() {
        close(Duration.ZERO);
    }

    private void loop() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Alert a = queue.poll(200, TimeUnit.MILLISECONDS);
                if (a == null) {
                    continue;
                }
                sending = true;
                try {
                    deliver(a);
                } finally {
                    sending = false;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void deliver(Alert a) throws InterruptedException {
        Map<String, Object> body = AlertJson.toMap(a);
        body.put("text", a.text());
        HttpRequest request =
                HttpRequest.newBuilder(url.uri())
                        .timeout(options.requestTimeout())
                        .header("Content-Type", "application/json; charset=utf-8")
                        .header("User-Agent", "undertone-alerts")
                        .POST(HttpRequest.BodyPublishers.ofString(AlertJson.write(body)))
                        .build();
        for (int attempt = 1; ; attempt++) {
            String problem;
            boolean retry;
            try {
                HttpResponse<Void> r = http.send(request, HttpResponse.BodyHandlers.discarding());
                int status = r.statusCode();
                if (status / 100 == 2) {
                    delivered.increment();
                    if (failing) {
                        failing = false;
                        LOG.info("The webhook {} takes alerts again.", url);
                    }
                    return;
                }
                problem = "HTTP " + status;
                retry =
                        status == HTTP_TIMEOUT
                                || status == HTTP_TOO_MANY
                                || status >= HTTP_SERVER_ERROR;
            } catch (IOException e) {
                problem = describe(e);
                retry = true;
            }
            failedAttempts.increment();
            if (!failing) {
                failing = true;
                LOG.warn(
                        "Posting an alert to the webhook {} failed ({}); retrying with backoff."
                                + " Further failures are counted in {}_total, not logged.",
                        url,
                        problem,
                        METRIC);
            }
            if (!retry || attempt >= options.maxAttempts()) {
                givenUp.increment();
                LOG.debug("Giving up an alert for {} after {} tries ({}).", url, attempt, problem);
                return;
            }
            Thread.sleep(
                    Backoff.fullJitterMillis(
                            attempt,
                            options.initialBackoff().toMillis(),
                            options.maxBackoff().toMillis()));
        }
    }

    private boolean mayHoldSecret(String message) {
        String path = url.uri().getRawPath();
        String query = url.uri().getRawQuery();
        String user = url.uri().getRawUserInfo();
        return (path != null && path.length() > 1 && message.contains(path))
                || (query != null && message.contains(query))
                || (user != null && message.contains(user));
    }

    /** What went wrong, without the address (the exception text may contain it). */
    private String describe(IOException e) {
        String text = e.getClass().getSimpleName();
        String message = e.getMessage();
        if (message != null && !mayHoldSecret(message)) {
            text += ": " + message;
        }
        return text;
    }
}
