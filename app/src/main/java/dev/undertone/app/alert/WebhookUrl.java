package dev.undertone.app.alert;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A webhook address given with {@code --alert-webhook}. Such addresses usually carry a secret (a
 * Slack incoming webhook's path is its credential), so only {@link #redacted()} is ever logged or
 * shown: the scheme, host and port.
 *
 * @param uri the full address, for sending only
 */
public record WebhookUrl(URI uri) {

    /**
     * Parses and checks an address.
     *
     * @throws IllegalArgumentException saying what is wrong, without repeating the address (it may
     *     hold a secret)
     */
    public static WebhookUrl parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new IllegalArgumentException("is empty; give an http:// or https:// URL");
        }
        URI u;
        try {
            u = new URI(raw.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(
                    "is not a valid URL ("
                            + e.getReason()
                            + " at character "
                            + e.getIndex()
                            + "; the value is not shown as it may hold a secret)");
        }
        String scheme = u.getScheme() == null ? null : u.getScheme().toLowerCase(Locale.ROOT);
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new IllegalArgumentException(
                    "must start with http:// or https:// (the value is not shown as it may hold a"
                            + " secret)");
        }
        if (u.getHost() == null || u.getHost().isBlank()) {
            throw new IllegalArgumentException(
                    "has no host name (the value is not shown as it may hold a secret)");
        }
        return new WebhookUrl(u);
    }

    /** The address without what may be secret: {@code https://hooks.example.com:443/…}. */
    public String redacted() {
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost() + port + "/…";
    }

    @Override
    public String toString() {
        return redacted();
    }
}
