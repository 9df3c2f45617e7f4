package dev.undertone.core.stage;

/**
 * Where the stages count what they saw: the engine's metrics. Called from the thread running the
 * stage; every method does nothing unless overridden.
 */
public interface StageCounts {
    /** Counts nothing. */
    StageCounts NONE = new StageCounts() {};

    /** A record decoded to a post (new or edited), kept or not. */
    default void post() {}

    /** A post the language filter and the track rules keep. */
    default void matched() {}

    /** A post the language filter or the track rules drop. */
    default void unmatched() {}

    /** A valid record that is not a post (a like, an identity event, a keep-alive). */
    default void notAPost() {}

    /** A record that could not be decoded. */
    default void rejected() {}

    /** A kept post stored without a sentiment (unsupported language, empty text). */
    default void unscored() {}
}
