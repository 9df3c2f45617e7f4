/**
 * A small OpenSearch HTTP client (JDK {@code java.net.http}, TLS with a CA file or trust-all, basic
 * auth), the {@code _bulk} encoding, per-item results and their retry classification, and index
 * setup. Used by the Flink job's sink and by the app's OpenSearch store, so the same requests and
 * the same retry rules apply everywhere. Kept out of {@code core}, which stays pure.
 */
package dev.undertone.opensearch;
