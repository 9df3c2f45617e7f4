package dev.undertone.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.undertone.core.index.opensearch.PostJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A parsed {@code _bulk} response: one item per action, in request order.
 *
 * @param errors whether any item failed (the {@code errors} flag)
 * @param items the per-item results
 */
public record BulkResponse(boolean errors, List<Item> items) {

    public BulkResponse {
        items = List.copyOf(items);
    }

    /**
     * The result of one action.
     *
     * @param action the action name ({@code index}, {@code delete}, ...)
     * @param id the document id
     * @param status the item's HTTP status
     * @param result {@code created}, {@code updated}, {@code deleted}, {@code not_found}, or null
     * @param errorType the error's {@code type}, or null when the item succeeded
     * @param errorReason the error's {@code reason}, or null
     */
    public record Item(
            String action,
            String id,
            int status,
            String result,
            String errorType,
            String errorReason) {

        /** Whether the item failed. */
        public boolean failed() {
            return errorType != null || status >= 300 && !"not_found".equals(result);
        }
    }

    /**
     * Parses a response body.
     *
     * @throws IOException when the body is not a {@code _bulk} response
     */
    public static BulkResponse parse(byte[] body) throws IOException {
        JsonNode root = PostJson.mapper().readTree(body);
        if (root == null || !root.has("items") || !root.get("items").isArray()) {
            throw new IOException("not a _bulk response: no items array");
        }
        List<Item> items = new ArrayList<>();
        for (JsonNode entry : root.get("items")) {
            Iterator<Map.Entry<String, JsonNode>> fields = entry.fields();
            if (!fields.hasNext()) {
                throw new IOException("not a _bulk response: an empty item");
            }
            Map.Entry<String, JsonNode> f = fields.next();
            JsonNode r = f.getValue();
            JsonNode error = r.get("error");
            items.add(
                    new Item(
                            f.getKey(),
                            r.path("_id").asText(null),
                            r.path("status").asInt(0),
                            r.path("result").asText(null),
                            error == null
                                    ? null
                                    : error.isObject()
                                            ? error.path("type").asText("unknown")
                                            : "unknown",
                            error == null
                                    ? null
                                    : error.isObject()
                                            ? error.path("reason").asText(null)
                                            : error.asText()));
        }
        return new BulkResponse(root.path("errors").asBoolean(false), items);
    }
}
