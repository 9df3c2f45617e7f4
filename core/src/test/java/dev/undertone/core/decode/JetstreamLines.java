package dev.undertone.core.decode;

/**
 * Jetstream event lines for tests, shaped as Jetstream v2 sends them (v1's fields plus an
 * instance-local {@code cursor}, which decoding ignores): post commits with their revision, and
 * account events.
 */
public final class JetstreamLines {

    private JetstreamLines() {}

    /**
     * A commit of an {@code app.bsky.feed.post} record in English.
     *
     * @param op {@code create}, {@code update} or {@code delete}
     * @param rev the commit's revision (a TID)
     * @param text the post text, already JSON-escaped
     */
    public static String post(String op, String did, String rkey, String rev, String text) {
        return "{\"did\":\""
                + did
                + "\",\"time_us\":1773500400123456,\"cursor\":42,\"kind\":\"commit\","
                + "\"commit\":{\"rev\":\""
                + rev
                + "\",\"operation\":\""
                + op
                + "\",\"collection\":\"app.bsky.feed.post\",\"rkey\":\""
                + rkey
                + "\",\"record\":{\"$type\":\"app.bsky.feed.post\","
                + "\"createdAt\":\"2026-03-14T14:59:59.273Z\",\"langs\":[\"en\"],\"text\":\""
                + text
                + "\"},\"cid\":\"bafyreihym6l3vfz5zfkkibj5j6wjibagi3mnbqnspuq2idw52ijb4lajlj\"}}";
    }

    /**
     * An account event.
     *
     * @param status {@code deleted}, {@code takendown}, {@code deactivated}, ...; null for none
     */
    public static String account(String did, boolean active, String status) {
        return "{\"did\":\""
                + did
                + "\",\"time_us\":1773500401000000,\"kind\":\"account\",\"account\":{\"active\":"
                + active
                + (status == null ? "" : ",\"status\":\"" + status + "\"")
                + ",\"did\":\""
                + did
                + "\",\"seq\":7,\"time\":\"2026-03-14T16:00:01Z\"}}";
    }
}
