/**
 * The OpenSearch side of the index mapping, pure: the index template, index rotation (which index a
 * post goes to) and the post document. The HTTP client that sends them lives in the {@code
 * opensearch-client} module ({@code dev.undertone.opensearch}), so core does no I/O.
 */
package dev.undertone.core.index.opensearch;
