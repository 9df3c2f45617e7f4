package dev.undertone.app.source.jetstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JetstreamEventsTest {

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static final String COMMIT =
            "{\"did\":\"did:plc:a\",\"time_us\":%d,\"kind\":\"commit\",\"commit\":{\"rev\":\"%s\","
                    + "\"operation\":\"create\",\"collection\":\"app.bsky.feed.post\",\"rkey\":\"3k\","
                    + "\"record\":{\"text\":\"the \\\"rev\\\":\\\"x\\\" in text\"}}}";

    @Test
    void readsTimeUsWithoutParsing() {
        assertThat(JetstreamEvents.timeUs(b(String.format(COMMIT, 1773500400123456L, "r1"))))
                .isEqualTo(1773500400123456L);
        assertThat(JetstreamEvents.timeUs(b("{\"time_us\": 42}"))).isEqualTo(42);
        assertThat(JetstreamEvents.timeUs(b("{\"time_us\":\"x\"}"))).isEqualTo(-1);
        assertThat(JetstreamEvents.timeUs(b("not json"))).isEqualTo(-1);
    }

    @Test
    void identifiesAnEventByItsCommitNotItsInstanceTime() {
        long a = JetstreamEvents.identity(b(String.format(COMMIT, 1, "r1")));
        long sameOtherInstance = JetstreamEvents.identity(b(String.format(COMMIT, 2, "r1")));
        long edit = JetstreamEvents.identity(b(String.format(COMMIT, 1, "r2")));
        assertThat(a).isNotZero().isEqualTo(sameOtherInstance).isNotEqualTo(edit);
        assertThat(JetstreamEvents.identity(b("garbage"))).isZero();
    }

    @Test
    void remembersOnlyAcceptedEventsWithinTheWindow() {
        ReplayDedupe d = new ReplayDedupe(10);
        d.add(1, 100);
        assertThat(d.seen(1)).isFalse();
        d.commit();
        assertThat(d.seen(1)).isTrue();
        d.add(2, 105);
        d.discardPending();
        d.commit();
        assertThat(d.seen(2)).isFalse();
        for (long id = 3; id < 5000; id++) {
            d.add(id, 100 + id);
            d.commit();
        }
        assertThat(d.seen(1)).isFalse();
        assertThat(d.seen(4999)).isTrue();
        assertThat(d.seen(4990)).isTrue();
        assertThat(d.seen(4985)).isFalse();
        assertThat(d.size()).isLessThan(20);
    }
}
