package dev.undertone.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.undertone.core.post.ScoredPost;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IndexListenerTest {
    /** Records what it is told, reading as much as it says. */
    private static final class Recorder implements IndexListener {
        final Detail detail;
        final List<String> calls = new ArrayList<>();

        Recorder(Detail detail) {
            this.detail = detail;
        }

        @Override
        public Detail detail() {
            return detail;
        }

        @Override
        public void marked(List<PostMark> marks) {
            calls.add("marked " + marks.size());
        }

        @Override
        public void indexed(List<ScoredPost> posts) {
            calls.add("indexed " + posts.size());
        }

        @Override
        public void deleted(List<String> keys) {
            calls.add("deleted " + keys);
        }
    }

    @Test
    void togetherListenersReadWhatTheMostDemandingReadsAndEachIsToldOnlyWhatItReads() {
        Recorder marks = new Recorder(IndexListener.Detail.MARKS);
        Recorder posts = new Recorder(IndexListener.Detail.POSTS);
        Recorder nothing = new Recorder(IndexListener.Detail.NOTHING);
        IndexListener all = IndexListener.all(marks, posts, nothing);

        all.marked(List.of(new PostMark(Instant.EPOCH, List.of("climate"))));
        all.indexed(List.of());
        all.deleted(List.of("file:1"));

        assertThat(all.detail()).isEqualTo(IndexListener.Detail.POSTS);
        assertThat(marks.calls).containsExactly("marked 1");
        assertThat(posts.calls).containsExactly("marked 1", "indexed 0", "deleted [file:1]");
        assertThat(nothing.calls).isEmpty();
    }

    @Test
    void theIndexKeepsNoMoreThanItsListenersRead() {
        assertThat(IndexListener.all().detail()).isEqualTo(IndexListener.Detail.NOTHING);
        assertThat(IndexListener.all(IndexListener.NONE).detail())
                .isEqualTo(IndexListener.Detail.NOTHING);
        assertThat(
                        IndexListener.all(
                                        IndexListener.NONE,
                                        new Recorder(IndexListener.Detail.MARKS))
                                .detail())
                .isEqualTo(IndexListener.Detail.MARKS);
        // A listener that does not say reads everything, as before there was a choice.
        assertThat(new IndexListener() {}.detail()).isEqualTo(IndexListener.Detail.POSTS);
    }
}
