package dev.undertone.app.source.mastodon;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.undertone.app.source.NotConnectedException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Fetches the statuses posted while the stream was down from the REST timeline (Mastodon streams
 * have no resume cursor): {@code since_id} = the newest id journaled, paging back with {@code
 * max_id} until the gap is covered or the page limit is reached. Each status keeps its exact bytes
 * from the response.
 */
final class MastodonBackfill {

    /** One status of a timeline page, with its id and its bytes as the server sent them. */
    record Status(String id, byte[] json) {}

    /** What a backfill found; {@code complete} is false when the page limit cut it short. */
    record Result(List<Status> statuses, boolean complete) {}

    static final int PAGE_SIZE = 40;
    private static final JsonFactory JSON = new JsonFactory();

    private final MastodonHttp http;
    private final MastodonSourceConfig config;

    MastodonBackfill(MastodonHttp http, MastodonSourceConfig config) {
        this.http = http;
        this.config = config;
    }

    /** The REST timeline path of the streamed timeline. */
    String timelinePath() {
        return config.hashtag() == null
                ? "/api/v1/timelines/public"
                : "/api/v1/timelines/tag/"
                        + URLEncoder.encode(config.hashtag(), StandardCharsets.UTF_8);
    }

    /**
     * Statuses newer than {@code sinceId}, oldest first.
     *
     * @throws NotConnectedException on a network failure or a retryable status
     */
    Result since(String sinceId) throws IOException {
        List<Status> all = new ArrayList<>();
        String maxId = null;
        for (int page = 0; page < config.backfillPages(); page++) {
            String q =
                    "?limit="
                            + PAGE_SIZE
                            + "&since_id="
                            + URLEncoder.encode(sinceId, StandardCharsets.UTF_8)
                            + (maxId == null
                                    ? ""
                                    : "&max_id="
                                            + URLEncoder.encode(maxId, StandardCharsets.UTF_8));
            URI uri = MastodonSourceConfig.resolve(config.instanceUrl(), timelinePath() + q);
            String doing = "backfilling from the Mastodon timeline";
            HttpResponse<InputStream> resp = http.send(http.request(uri).GET().build(), doing);
            if (resp.statusCode() != 200) {
                throw http.failure(resp, doing);
            }
            List<Status> statuses;
            try (InputStream in = resp.body()) {
                statuses = split(in.readAllBytes());
            }
            all.addAll(statuses);
            if (statuses.size() < PAGE_SIZE) {
                return new Result(oldestFirst(all), true);
            }
            maxId = statuses.stream().map(Status::id).min(StatusIds.ORDER).orElse(null);
        }
        return new Result(oldestFirst(all), false);
    }

    private static List<Status> oldestFirst(List<Status> statuses) {
        List<Status> sorted = new ArrayList<>(statuses);
        sorted.sort((a, b) -> StatusIds.ORDER.compare(a.id(), b.id()));
        return sorted;
    }

    /** The elements of a JSON array of statuses, each as its own bytes. */
    static List<Status> split(byte[] body) throws IOException {
        List<Status> out = new ArrayList<>();
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw new IOException("a Mastodon timeline is not a JSON array");
            }
            while (p.nextToken() == JsonToken.START_OBJECT) {
                int start = (int) p.currentTokenLocation().getByteOffset();
                String id = null;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    JsonToken v = p.nextToken();
                    if ("id".equals(field) && v == JsonToken.VALUE_STRING) {
                        id = p.getText();
                    } else {
                        p.skipChildren();
                    }
                }
                int end = (int) p.currentLocation().getByteOffset();
                if (id != null) {
                    out.add(new Status(id, Arrays.copyOfRange(body, start, end)));
                }
            }
        }
        return out;
    }
}
