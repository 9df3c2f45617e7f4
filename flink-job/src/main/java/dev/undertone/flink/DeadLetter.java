package dev.undertone.flink;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.undertone.core.index.opensearch.PostJson;
import java.time.Instant;
import java.util.Base64;

/**
 * A record that could not be processed and will not be retried, as written to the dead-letter
 * topic. The JSON follows the failed-document lines of Kinesis Data Firehose, so tools written for
 * the demo's S3 backup can read it.
 *
 * @param errorCode a machine-readable class: {@code decode_rejected}, {@code index_rejected},
 *     {@code retries_exhausted}
 * @param errorMessage what went wrong, for a person
 * @param attemptsMade how many times it was tried
 * @param arrivalMillis when it first arrived (epoch millis)
 * @param documentId the OpenSearch document id, or null
 * @param indexName the OpenSearch index, or null
 * @param rawData the bytes that failed: the raw record or the document
 */
public record DeadLetter(
        String errorCode,
        String errorMessage,
        int attemptsMade,
        long arrivalMillis,
        String documentId,
        String indexName,
        byte[] rawData) {

    /** The dead-letter line: JSON with the raw bytes in base64. */
    public byte[] toJson(Instant now) {
        ObjectNode n = PostJson.mapper().createObjectNode();
        n.put("attemptsMade", attemptsMade);
        n.put("arrivalTimestamp", arrivalMillis);
        n.put("errorCode", errorCode);
        n.put("errorMessage", errorMessage);
        n.put("attemptEndingTimestamp", now.toEpochMilli());
        if (documentId != null) {
            n.put("osDocumentId", documentId);
        }
        if (indexName != null) {
            n.put("osIndexName", indexName);
        }
        n.put("rawData", Base64.getEncoder().encodeToString(rawData));
        return n.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
