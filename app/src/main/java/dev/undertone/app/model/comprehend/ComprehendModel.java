package dev.undertone.app.model.comprehend;

import dev.undertone.core.sentiment.Sentiment;
import dev.undertone.core.sentiment.SentimentModel;
import dev.undertone.core.sentiment.SentimentResult;
import dev.undertone.core.sentiment.SentimentScores;
import dev.undertone.models.ModelException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.comprehend.ComprehendClient;
import software.amazon.awssdk.services.comprehend.model.BatchDetectSentimentItemResult;
import software.amazon.awssdk.services.comprehend.model.BatchDetectSentimentRequest;
import software.amazon.awssdk.services.comprehend.model.BatchDetectSentimentResponse;
import software.amazon.awssdk.services.comprehend.model.BatchItemError;
import software.amazon.awssdk.services.comprehend.model.SentimentScore;

/**
 * The {@code comprehend} model: Amazon Comprehend's BatchDetectSentiment, up to {@value #BATCH}
 * documents per call, grouped by language.
 *
 * <p>Each post's language comes from its own tags ({@link ComprehendLanguages}); a post in a
 * language Comprehend does not score is not sent ({@link #supports} says no, so it is stored
 * unscored as {@code unsupported_language}). A text longer than 5,000 UTF-8 bytes is cut on a
 * character boundary and counted ({@link #truncated()}). Throttling and transient errors are
 * retried by the SDK with exponential backoff and jitter; what still fails becomes unscored posts
 * whose reason names the error ({@code comprehend_error:ThrottlingException}), never lost posts.
 *
 * <p>Thread-safe. Every call costs money: docs/models.md, "comprehend (Amazon Comprehend)".
 */
public final class ComprehendModel implements SentimentModel, AutoCloseable {

    /** The name users pass to {@code --model}. */
    public static final String NAME = "comprehend";

    /** The model id stored on each post: the service and its API version. */
    public static final String ID = "comprehend:2017-11-27";

    /** Most documents in one BatchDetectSentiment call. */
    static final int BATCH = 25;

    /** Prefix of the unscored reason when Comprehend did not score a document. */
    public static final String ERROR_REASON = "comprehend_error:";

    private static final Logger LOG = LoggerFactory.getLogger(ComprehendModel.class);

    private final ComprehendClient client;
    private final ComprehendConfig config;
    private final CallRateLimiter limiter;
    private final AtomicLong truncated = new AtomicLong();
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong failedDocuments = new AtomicLong();

    ComprehendModel(ComprehendClient client, ComprehendConfig config) {
        this.client = client;
        this.config = config;
        this.limiter = new CallRateLimiter(config.maxCallsPerSecond());
    }

    /**
     * A model calling Comprehend with these settings and credentials.
     *
     * @throws ModelException if no region is configured or the client cannot be built
     */
    public static ComprehendModel create(
            ComprehendConfig config, AwsCredentialsProvider credentials) {
        return new ComprehendModel(ComprehendClients.build(config, credentials), config);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean supports(List<String> langs) {
        return ComprehendLanguages.codeFor(langs, config.untaggedLanguage()) != null;
    }

    @Override
    public List<SentimentResult> classify(List<String> texts) {
        return classify(texts, Collections.nCopies(texts.size(), List.of()));
    }

    @Override
    public List<SentimentResult> classify(List<String> texts, List<List<String>> langs) {
        SentimentResult[] results = new SentimentResult[texts.size()];
        Map<String, List<Integer>> byLanguage = new LinkedHashMap<>();
        for (int i = 0; i < texts.size(); i++) {
            String code = ComprehendLanguages.codeFor(langs.get(i), config.untaggedLanguage());
            String text = texts.get(i);
            if (code == null) {
                results[i] = SentimentResult.unscored(SentimentResult.UNSUPPORTED_LANGUAGE);
            } else if (text == null || text.isBlank()) {
                results[i] = SentimentResult.unscored(SentimentResult.EMPTY_TEXT);
            } else {
                byLanguage.computeIfAbsent(code, c -> new ArrayList<>()).add(i);
            }
        }
        for (Map.Entry<String, List<Integer>> e : byLanguage.entrySet()) {
            List<Integer> docs = e.getValue();
            for (int start = 0; start < docs.size(); start += BATCH) {
                List<Integer> batch = docs.subList(start, Math.min(docs.size(), start + BATCH));
                callBatch(e.getKey(), batch, texts, results);
            }
        }
        return List.of(results);
    }

    private void callBatch(
            String language, List<Integer> batch, List<String> texts, SentimentResult[] results) {
        List<String> documents = new ArrayList<>(batch.size());
        for (int i : batch) {
            String text = texts.get(i);
            if (Utf8Limit.exceeds(text, Utf8Limit.MAX_BYTES)) {
                truncated.incrementAndGet();
            }
            documents.add(Utf8Limit.fit(text, Utf8Limit.MAX_BYTES));
        }
        BatchDetectSentimentResponse response;
        try {
            limiter.acquire();
            calls.incrementAndGet();
            response =
                    client.batchDetectSentiment(
                            BatchDetectSentimentRequest.builder()
                                    .textList(documents)
                                    .languageCode(language)
                                    .build());
        } catch (SdkException ex) {
            String reason = ERROR_REASON + errorCode(ex);
            LOG.warn(
                    "Scoring {} posts with Comprehend failed after retries ({}); they are stored"
                            + " unscored and can be scored later with 'undertone rescore'.",
                    batch.size(),
                    reason);
            failedDocuments.addAndGet(batch.size());
            for (int i : batch) {
                results[i] = SentimentResult.unscored(reason);
            }
            return;
        }
        for (BatchDetectSentimentItemResult r : response.resultList()) {
            Integer index = r.index();
            if (index != null && index >= 0 && index < batch.size()) {
                results[batch.get(index)] = toResult(r);
            }
        }
        for (BatchItemError err : response.errorList()) {
            Integer index = err.index();
            if (index != null && index >= 0 && index < batch.size()) {
                failedDocuments.incrementAndGet();
                results[batch.get(index)] =
                        SentimentResult.unscored(ERROR_REASON + safeCode(err.errorCode()));
            }
        }
        for (int i : batch) {
            if (results[i] == null) {
                failedDocuments.incrementAndGet();
                results[i] = SentimentResult.unscored(ERROR_REASON + "MissingResult");
            }
        }
    }

    private static SentimentResult toResult(BatchDetectSentimentItemResult r) {
        SentimentScore s = r.sentimentScore();
        if (s == null || r.sentiment() == null) {
            return SentimentResult.unscored(ERROR_REASON + "MissingScores");
        }
        SentimentScores scores =
                new SentimentScores(
                        value(s.positive()),
                        value(s.negative()),
                        value(s.neutral()),
                        value(s.mixed()));
        Sentiment label;
        try {
            label = Sentiment.valueOf(r.sentimentAsString());
        } catch (IllegalArgumentException e) {
            label = scores.top();
        }
        return SentimentResult.scored(label, scores);
    }

    private static double value(Float f) {
        return f == null ? 0 : f;
    }

    private static String errorCode(SdkException ex) {
        if (ex instanceof AwsServiceException aws && aws.awsErrorDetails() != null) {
            return safeCode(aws.awsErrorDetails().errorCode());
        }
        return ex.getClass().getSimpleName();
    }

    /** An error code as a keyword: short, and only the characters AWS error codes use. */
    private static String safeCode(String code) {
        if (code == null || code.isEmpty()) {
            return "Unknown";
        }
        String clean = code.replaceAll("[^A-Za-z0-9_.]", "");
        return clean.length() > 64 ? clean.substring(0, 64) : clean;
    }

    /** Documents cut to 5,000 UTF-8 bytes since start (a metric). */
    public long truncated() {
        return truncated.get();
    }

    /** BatchDetectSentiment calls made since start, not counting the SDK's retries. */
    public long calls() {
        return calls.get();
    }

    /** Documents Comprehend did not score since start (they were stored unscored). */
    public long failedDocuments() {
        return failedDocuments.get();
    }

    @Override
    public void close() {
        client.close();
    }
}
