package dev.undertone.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

class BulkRetryClassifierTest {

    private static BulkResponse fixture(String name) throws IOException {
        try (InputStream in =
                BulkRetryClassifierTest.class.getResourceAsStream("/opensearch/" + name)) {
            return BulkResponse.parse(in.readAllBytes());
        }
    }

    @Test
    void allCreatedUpdatedOrMissingDeletesIsSuccess() throws IOException {
        assertThat(BulkRetryClassifier.classify(200, fixture("bulk-all-ok.json"), 3))
                .isInstanceOf(RetryAction.Success.class);
    }

    @Test
    void partialFailureRetriesThrottledAndUnavailableItemsAndRejectsBadDocuments()
            throws IOException {
        RetryAction action = BulkRetryClassifier.classify(200, fixture("bulk-partial.json"), 5);

        assertThat(action).isInstanceOf(RetryAction.Partial.class);
        RetryAction.Partial p = (RetryAction.Partial) action;
        assertThat(p.retry()).containsExactly(1, 3);
        assertThat(p.rejected())
                .extracting(RetryAction.Rejection::position, RetryAction.Rejection::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2, 400),
                        org.assertj.core.groups.Tuple.tuple(4, 409));
        assertThat(p.rejected().get(0).reason())
                .startsWith("mapper_parsing_exception: failed to parse field [created_at]");
    }

    @Test
    void elasticsearchSevenRejectionIsRetriedLikeOpenSearchOne() throws IOException {
        RetryAction action =
                BulkRetryClassifier.classify(200, fixture("bulk-es7-rejected.json"), 1);

        assertThat(action)
                .isEqualTo(new RetryAction.Partial(java.util.List.of(0), java.util.List.of()));
    }

    @Test
    void versionConflictOfAVersionedActionMeansANewerVersionIsStoredSoItIsDone()
            throws IOException {
        java.util.List<BulkAction> sent = new java.util.ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            sent.add(BulkAction.delete("undertone-posts", "x:" + i).withVersion(i));
        }

        RetryAction action = BulkRetryClassifier.classify(200, fixture("bulk-partial.json"), sent);

        assertThat(((RetryAction.Partial) action).rejected())
                .extracting(RetryAction.Rejection::position)
                .containsExactly(2);
    }

    @Test
    void wholeRequestThrottledOrServerErrorIsRetried() {
        assertThat(BulkRetryClassifier.classify(429, null, 10))
                .isInstanceOf(RetryAction.Retry.class);
        assertThat(BulkRetryClassifier.classify(502, null, 10))
                .isInstanceOf(RetryAction.Retry.class);
        assertThat(BulkRetryClassifier.classify(503, null, 10))
                .isInstanceOf(RetryAction.Retry.class);
    }

    @Test
    void authenticationAndTooLargeBodiesAreRejectedWholesale() {
        assertThat(BulkRetryClassifier.classify(401, null, 10))
                .isInstanceOf(RetryAction.Reject.class);
        assertThat(BulkRetryClassifier.classify(403, null, 10))
                .isInstanceOf(RetryAction.Reject.class);
        assertThat(BulkRetryClassifier.classify(413, null, 10))
                .isInstanceOfSatisfying(
                        RetryAction.Reject.class,
                        r -> assertThat(r.reason()).contains("max_batch_bytes"));
    }

    @Test
    void aResponseWithTheWrongNumberOfItemsIsRetriedNotTrusted() throws IOException {
        assertThat(BulkRetryClassifier.classify(200, fixture("bulk-all-ok.json"), 4))
                .isInstanceOf(RetryAction.Retry.class);
    }

    @Test
    void networkErrorsAreRetried() {
        assertThat(BulkRetryClassifier.classify(new ConnectException("Connection refused")))
                .isInstanceOfSatisfying(
                        RetryAction.Retry.class,
                        r -> assertThat(r.reason()).contains("Connection refused"));
    }

    @Test
    void aBodyThatIsNotABulkResponseFailsToParse() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> BulkResponse.parse("{\"error\":\"x\"}".getBytes()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("no items array");
    }
}
