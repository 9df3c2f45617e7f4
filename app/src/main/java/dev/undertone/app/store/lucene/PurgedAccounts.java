package dev.undertone.app.store.lucene;

import java.util.Set;
import java.util.TreeSet;

/**
 * The purged accounts as the index's commit user data holds them: their keys ({@code
 * source:authorId}), sorted, one per line. In the commit user data rather than in documents, so the
 * record changes atomically with the journal offset and the deletes of the same commit, and no
 * query has to leave marker documents out. Accounts are few (deleted or taken down ones seen in the
 * stream), so the value stays small.
 */
final class PurgedAccounts {
    private PurgedAccounts() {}

    /** The value for a set of account keys. */
    static String encode(Set<String> accounts) {
        return String.join("\n", new TreeSet<>(accounts));
    }

    /** The account keys of a stored value; none for null or empty. */
    static Set<String> decode(String value) {
        if (value == null || value.isEmpty()) {
            return Set.of();
        }
        return Set.of(value.split("\n"));
    }
}
