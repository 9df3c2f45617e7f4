package dev.undertone.app.kafka;

import java.net.URI;
import java.util.Locale;

/**
 * A {@code kafka://HOST:PORT[,HOST:PORT...]/TOPIC} address: the brokers to bootstrap from and the
 * raw topic.
 *
 * @param bootstrapServers {@code host:port[,host:port...]}
 * @param topic the raw topic
 */
public record KafkaTarget(String bootstrapServers, String topic) {
    private static final String SCHEME = "kafka://";

    public KafkaTarget {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("no broker address");
        }
        if (topic == null || !topic.matches("[a-zA-Z0-9._-]{1,249}")) {
            throw new IllegalArgumentException(
                    "'" + topic + "' is not a Kafka topic name (letters, digits, . _ -)");
        }
    }

    /**
     * Parses {@code kafka://HOST:PORT/TOPIC}.
     *
     * @throws IllegalArgumentException saying what a valid address looks like
     */
    public static KafkaTarget parse(String uri) {
        String u = uri == null ? "" : uri.trim();
        if (!u.toLowerCase(Locale.ROOT).startsWith(SCHEME)) {
            throw new IllegalArgumentException(
                    "expected kafka://HOST:PORT/TOPIC, got '" + uri + "'");
        }
        String rest = u.substring(SCHEME.length());
        int slash = rest.indexOf('/');
        if (slash <= 0 || slash == rest.length() - 1) {
            throw new IllegalArgumentException(
                    "expected kafka://HOST:PORT/TOPIC (a topic after the /), got '" + uri + "'");
        }
        String servers = rest.substring(0, slash);
        for (String hp : servers.split(",")) {
            URI check = URI.create("kafka://" + hp);
            if (check.getHost() == null || check.getPort() < 1) {
                throw new IllegalArgumentException(
                        "'" + hp + "' in '" + uri + "' is not HOST:PORT");
            }
        }
        return new KafkaTarget(servers, rest.substring(slash + 1));
    }

    /** The compacted topic that keeps each source's resume position. */
    public String positionsTopic() {
        return topic + ".positions";
    }

    @Override
    public String toString() {
        return SCHEME + bootstrapServers + "/" + topic;
    }
}
