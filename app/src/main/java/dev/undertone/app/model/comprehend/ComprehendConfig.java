package dev.undertone.app.model.comprehend;

import java.net.URI;
import java.time.Duration;

/**
 * Settings of the Comprehend adapter.
 *
 * @param endpoint the service endpoint to call instead of AWS's regional one (tests, VPC
 *     endpoints), or null
 * @param region the AWS region, or null for the default chain ({@code AWS_REGION}, the profile)
 * @param untaggedLanguage the language code sent for posts without a language tag, or null to mark
 *     them unsupported
 * @param maxAttempts attempts per call, the first included, when Comprehend throttles or fails
 *     transiently
 * @param baseBackoff the first retry's delay; each retry doubles it, with jitter
 * @param maxBackoff the longest delay between attempts
 * @param maxCallsPerSecond the client-side limit on BatchDetectSentiment calls (the historical
 *     default quota is 10 per second)
 */
public record ComprehendConfig(
        URI endpoint,
        String region,
        String untaggedLanguage,
        int maxAttempts,
        Duration baseBackoff,
        Duration maxBackoff,
        double maxCallsPerSecond) {

    /** Retries and limits for AWS itself. */
    public static ComprehendConfig defaults() {
        return new ComprehendConfig(
                null, null, "en", 8, Duration.ofMillis(200), Duration.ofSeconds(20), 10);
    }

    public ComprehendConfig {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("comprehend max_attempts must be >= 1");
        }
        if (baseBackoff.isNegative() || maxBackoff.compareTo(baseBackoff) < 0) {
            throw new IllegalArgumentException(
                    "comprehend backoff must be >= 0 and max_backoff >= base_backoff");
        }
        if (!(maxCallsPerSecond > 0)) {
            throw new IllegalArgumentException("comprehend max_calls_per_second must be > 0");
        }
        if (untaggedLanguage != null && ComprehendLanguages.codeFor(untaggedLanguage) == null) {
            throw new IllegalArgumentException(
                    "comprehend untagged_language must be one of " + ComprehendLanguages.SUPPORTED);
        }
    }

    /** The same settings with another endpoint and region (the command-line overrides). */
    public ComprehendConfig withEndpoint(URI newEndpoint, String newRegion) {
        return new ComprehendConfig(
                newEndpoint,
                newRegion,
                untaggedLanguage,
                maxAttempts,
                baseBackoff,
                maxBackoff,
                maxCallsPerSecond);
    }

    /** The same settings with other retry timings. */
    public ComprehendConfig withRetries(int attempts, Duration base, Duration max) {
        return new ComprehendConfig(
                endpoint, region, untaggedLanguage, attempts, base, max, maxCallsPerSecond);
    }
}
