package dev.undertone.core.sentiment;

/**
 * Amazon Comprehend's four sentiment labels, which Undertone keeps so the demo's users feel at
 * home.
 */
public enum Sentiment {
    POSITIVE,
    NEGATIVE,
    NEUTRAL,
    MIXED
}
