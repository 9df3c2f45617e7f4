/**
 * OpenSearch as a post store, engine-agnostic: the index template, index rotation, the post
 * document, the {@code _bulk} encoding, per-item results and their retry classification, and a
 * small HTTP client. Used by the Flink job's sink and by the app's OpenSearch store, so the same
 * documents and the same rules apply everywhere.
 */
package dev.undertone.core.index.opensearch;
