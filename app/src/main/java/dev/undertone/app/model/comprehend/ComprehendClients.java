package dev.undertone.app.model.comprehend;

import dev.undertone.models.ModelException;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.comprehend.ComprehendClient;
import software.amazon.awssdk.services.comprehend.ComprehendClientBuilder;

/**
 * Builds the SDK client: the JDK's HTTP client (no Netty or Apache client in the jar), the SDK's
 * standard retry strategy with our attempts and backoff (it treats {@code ThrottlingException} as
 * throttling and retries it), and the endpoint override when one is set.
 */
final class ComprehendClients {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(30);

    private ComprehendClients() {}

    static ComprehendClient build(ComprehendConfig config, AwsCredentialsProvider credentials) {
        BackoffStrategy backoff =
                BackoffStrategy.exponentialDelay(config.baseBackoff(), config.maxBackoff());
        ComprehendClientBuilder builder =
                ComprehendClient.builder()
                        .region(region(config))
                        .credentialsProvider(credentials)
                        .httpClientBuilder(
                                UrlConnectionHttpClient.builder()
                                        .connectionTimeout(CONNECT_TIMEOUT)
                                        .socketTimeout(SOCKET_TIMEOUT))
                        .overrideConfiguration(
                                ClientOverrideConfiguration.builder()
                                        .retryStrategy(
                                                AwsRetryStrategy.standardRetryStrategy().toBuilder()
                                                        .maxAttempts(config.maxAttempts())
                                                        .backoffStrategy(backoff)
                                                        .throttlingBackoffStrategy(backoff)
                                                        // Many throttles in a row must not stop
                                                        // retries: the budget would fail posts
                                                        // that a later attempt scores.
                                                        .circuitBreakerEnabled(false)
                                                        .build())
                                        .build());
        if (config.endpoint() != null) {
            builder.endpointOverride(config.endpoint());
        }
        return builder.build();
    }

    private static Region region(ComprehendConfig config) {
        if (config.region() != null) {
            return Region.of(config.region());
        }
        try {
            return new DefaultAwsRegionProviderChain().getRegion();
        } catch (SdkClientException e) {
            throw new ModelException(
                    "choosing the AWS region for Comprehend: none is configured; set AWS_REGION"
                            + " (e.g. us-east-1) or pass --comprehend-region",
                    e);
        }
    }
}
