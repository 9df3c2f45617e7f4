package dev.undertone.app.store;

import java.util.List;

/**
 * The newest posts matching a filter, with how many match in all.
 *
 * @param total how many stored posts match the filter
 * @param posts at most the requested number of them, newest first (by creation time)
 */
public record PostPage(long total, List<StoredPost> posts) {
    public PostPage {
        posts = List.copyOf(posts);
    }
}
