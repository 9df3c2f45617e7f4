package dev.undertone.opensearch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.undertone.core.index.opensearch.PostJson;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Encodes actions as a {@code _bulk} body: NDJSON, an action line then the document line for each
 * index action, and every line (the last too) ending in {@code \n}.
 */
public final class BulkRequestEncoder {
    /** The content type of a {@code _bulk} body. */
    public static final String CONTENT_TYPE = "application/x-ndjson";

    private BulkRequestEncoder() {}

    /** The request body for these actions, in order. */
    public static byte[] encode(List<BulkAction> actions) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(estimate(actions));
        for (BulkAction a : actions) {
            if (a.op().byQuery()) {
                throw new IllegalArgumentException("a " + a.op() + " is not a _bulk action");
            }
            ObjectNode meta = PostJson.mapper().createObjectNode();
            ObjectNode target = meta.putObject(a.op().apiName());
            target.put("_index", a.index());
            target.put("_id", a.id());
            if (a.version() != BulkAction.NO_VERSION) {
                target.put("version", a.version());
                target.put("version_type", "external_gte");
            }
            out.writeBytes(meta.toString().getBytes(StandardCharsets.UTF_8));
            out.write('\n');
            if (a.op() == BulkAction.Op.INDEX) {
                out.writeBytes(a.source());
                out.write('\n');
            }
        }
        return out.toByteArray();
    }

    private static int estimate(List<BulkAction> actions) {
        long n = 0;
        for (BulkAction a : actions) {
            n += a.sizeInBytes();
        }
        return (int) Math.min(n + 16, Integer.MAX_VALUE - 8);
    }
}
