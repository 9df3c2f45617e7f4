package dev.undertone.app.source.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds where an instance serves its streaming API: {@code configuration.urls.streaming} of {@code
 * /api/v2/instance} (a {@code wss://} URL, used as {@code https://} for SSE), or the instance
 * itself when it does not say.
 */
final class MastodonStreamingHost {

    private static final Logger LOG = LoggerFactory.getLogger(MastodonStreamingHost.class);

    private final MastodonHttp http;
    private final MastodonSourceConfig config;

    MastodonStreamingHost(MastodonHttp http, MastodonSourceConfig config) {
        this.http = http;
        this.config = config;
    }

    /**
     * The streaming root.
     *
     * @throws IOException when the instance cannot be reached at all (retried by the pipeline)
     */
    URI discover() throws IOException {
        URI info = MastodonSourceConfig.resolve(config.instanceUrl(), "/api/v2/instance");
        HttpResponse<InputStream> resp =
                http.send(
                        http.request(info).GET().build(),
                        "asking the Mastodon instance for its streaming host");
        try (InputStream in = resp.body()) {
            if (resp.statusCode() != 200) {
                return config.instanceUrl();
            }
            JsonNode n = new ObjectMapper().readTree(in);
            String url = n.path("configuration").path("urls").path("streaming").asText("");
            if (url.isEmpty()) {
                return config.instanceUrl();
            }
            URI u = URI.create(url.replaceFirst("^wss:", "https:").replaceFirst("^ws:", "http:"));
            LOG.info("Mastodon instance {} streams from {}.", config.instanceUrl(), u);
            return u;
        } catch (IOException | IllegalArgumentException e) {
            return config.instanceUrl();
        }
    }
}
