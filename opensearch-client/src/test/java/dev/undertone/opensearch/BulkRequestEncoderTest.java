package dev.undertone.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class BulkRequestEncoderTest {

    @Test
    void encodesIndexAndDeleteActionsAsNdjsonEndingInNewline() {
        byte[] body =
                BulkRequestEncoder.encode(
                        List.of(
                                BulkAction.index(
                                        "posts",
                                        "x:1",
                                        "{\"text\":\"a \\\"quoted\\\"\\nline\"}"
                                                .getBytes(StandardCharsets.UTF_8)),
                                BulkAction.delete("posts", "x:2")));

        assertThat(new String(body, StandardCharsets.UTF_8))
                .isEqualTo(
                        "{\"index\":{\"_index\":\"posts\",\"_id\":\"x:1\"}}\n"
                                + "{\"text\":\"a \\\"quoted\\\"\\nline\"}\n"
                                + "{\"delete\":{\"_index\":\"posts\",\"_id\":\"x:2\"}}\n");
    }

    @Test
    void versionedActionsAskOpenSearchToKeepTheNewestVersion() {
        byte[] body =
                BulkRequestEncoder.encode(
                        List.of(BulkAction.delete("posts", "x:2").withVersion(42)));

        assertThat(new String(body, StandardCharsets.UTF_8))
                .isEqualTo(
                        "{\"delete\":{\"_index\":\"posts\",\"_id\":\"x:2\",\"version\":42,"
                                + "\"version_type\":\"external_gte\"}}\n");
    }

    @Test
    void escapesIdsThatContainQuotes() {
        byte[] body = BulkRequestEncoder.encode(List.of(BulkAction.delete("posts", "file:a\"b")));

        assertThat(new String(body, StandardCharsets.UTF_8))
                .isEqualTo("{\"delete\":{\"_index\":\"posts\",\"_id\":\"file:a\\\"b\"}}\n");
    }

    @Test
    void hashesKeysLongerThanOpenSearchAllowsStably() {
        String longKey = "file:" + "a".repeat(600);

        String id = BulkAction.documentId(longKey);

        assertThat(id).startsWith("sha256:").hasSize(7 + 64);
        assertThat(BulkAction.documentId(longKey)).isEqualTo(id);
        assertThat(BulkAction.documentId("x:1")).isEqualTo("x:1");
    }

    @Test
    void refusesDeletesByKeyWhichAreNotBulkActions() {
        assertThatThrownBy(
                        () ->
                                BulkRequestEncoder.encode(
                                        List.of(BulkAction.deleteByKey("posts", "x:1"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void countsFailuresAndKeepsTheFirstFailureTime() {
        BulkAction a = BulkAction.delete("posts", "x:1").failedAt(1000).failedAt(2000);

        assertThat(a.attempts()).isEqualTo(2);
        assertThat(a.firstFailureMillis()).isEqualTo(1000);
    }
}
