package dev.undertone.core.post;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One social post as Undertone stores it, whatever network it came from.
 *
 * <p>The key ({@code source:id}) identifies a post everywhere: in the journal, the index and the
 * API. Lists are never null (empty instead); {@code text} is the post's plain text after the
 * decoder removed markup (Mastodon HTML), not yet normalised for the model.
 *
 * @param source the network the post was published on
 * @param id the source-native id (Bluesky {@code did/rkey}, X tweet id, Mastodon status URI)
 * @param createdAt when the author published it (the server's receive time when absent)
 * @param authorHandle the author's handle, or null when the source does not give one
 * @param authorId the author's stable id (a DID, a numeric id), or null
 * @param text the post's plain text, never null
 * @param langs language tags from the post's metadata, lower-case BCP-47, possibly empty
 * @param url a link to the original post, or null
 * @param hashtags hashtags without the {@code #}, as written
 * @param mentions mentioned handles without the {@code @}
 * @param reply whether the post replies to another
 * @param repost whether the post is a repost/retweet/boost of another
 * @param quote whether the post quotes another
 * @param tracks the track phrases the post matched, empty before tracking
 * @param links links the post carries (Bluesky link facets, X expanded URLs), possibly empty
 * @param revision the version of the post in its source's own order, higher for newer versions (see
 *     {@link Revisions}), or {@link Revisions#UNKNOWN} when the source gives none; the stores never
 *     let a lower revision replace a higher one
 */
public record Post(
        PostSource source,
        String id,
        Instant createdAt,
        String authorHandle,
        String authorId,
        String text,
        List<String> langs,
        String url,
        List<String> hashtags,
        List<String> mentions,
        boolean reply,
        boolean repost,
        boolean quote,
        List<String> tracks,
        List<String> links,
        long revision) {

    public Post {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(text, "text");
        langs = List.copyOf(langs == null ? List.of() : langs);
        hashtags = List.copyOf(hashtags == null ? List.of() : hashtags);
        mentions = List.copyOf(mentions == null ? List.of() : mentions);
        tracks = List.copyOf(tracks == null ? List.of() : tracks);
        links = List.copyOf(links == null ? List.of() : links);
    }

    /** A post whose source gives no revision. */
    public Post(
            PostSource source,
            String id,
            Instant createdAt,
            String authorHandle,
            String authorId,
            String text,
            List<String> langs,
            String url,
            List<String> hashtags,
            List<String> mentions,
            boolean reply,
            boolean repost,
            boolean quote,
            List<String> tracks,
            List<String> links) {
        this(
                source,
                id,
                createdAt,
                authorHandle,
                authorId,
                text,
                langs,
                url,
                hashtags,
                mentions,
                reply,
                repost,
                quote,
                tracks,
                links,
                Revisions.UNKNOWN);
    }

    /** The key that identifies this post across Undertone: {@code source:id}. */
    public String key() {
        return key(source, id);
    }

    /** Builds the key of a post from its source and source-native id. */
    public static String key(PostSource source, String id) {
        return source.id() + ":" + id;
    }

    /** The first language tag, or null when the post has none. */
    public String primaryLang() {
        return langs.isEmpty() ? null : langs.get(0);
    }

    /** A copy of this post carrying the track phrases it matched. */
    public Post withTracks(List<String> matched) {
        return new Post(
                source,
                id,
                createdAt,
                authorHandle,
                authorId,
                text,
                langs,
                url,
                hashtags,
                mentions,
                reply,
                repost,
                quote,
                matched,
                links,
                revision);
    }

    /** A copy of this post with other language tags (used when the language is detected). */
    public Post withLangs(List<String> newLangs) {
        return new Post(
                source,
                id,
                createdAt,
                authorHandle,
                authorId,
                text,
                newLangs,
                url,
                hashtags,
                mentions,
                reply,
                repost,
                quote,
                tracks,
                links,
                revision);
    }

    /** A copy of this post with another revision. */
    public Post withRevision(long newRevision) {
        return new Post(
                source,
                id,
                createdAt,
                authorHandle,
                authorId,
                text,
                langs,
                url,
                hashtags,
                mentions,
                reply,
                repost,
                quote,
                tracks,
                links,
                newRevision);
    }
}
