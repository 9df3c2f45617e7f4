package dev.undertone.core.framing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseFramerTest {

    private static List<SseFramer.Event> events(String stream) {
        SseFramer framer = new SseFramer();
        List<SseFramer.Event> out = new ArrayList<>();
        for (LineSplitter.Line line : LineSplitter.lines(stream.getBytes(StandardCharsets.UTF_8))) {
            SseFramer.Event e = framer.accept(line);
            if (e != null) {
                out.add(e);
            }
        }
        SseFramer.Event last = framer.finish();
        if (last != null) {
            out.add(last);
        }
        return out;
    }

    @Test
    void groupsFieldLinesIntoEventsAndKeepsTheirRawBytes() {
        List<SseFramer.Event> e =
                events(":thump\r\nevent: update\r\ndata: {\"a\":\r\ndata:1}\r\n\r\n:thump\n\n");

        assertThat(e).hasSize(1);
        assertThat(e.get(0).type()).isEqualTo("update");
        assertThat(e.get(0).data()).isEqualTo("{\"a\":\n1}");
        assertThat(new String(e.get(0).raw(), StandardCharsets.UTF_8))
                .as("the field lines as received, comments and the blank line left out")
                .isEqualTo("event: update\r\ndata: {\"a\":\r\ndata:1}\r\n");
    }

    @Test
    void anEventWithoutANameIsAMessageAndOneWithoutDataHasNone() {
        List<SseFramer.Event> e = events("data: x\n\nevent: delete\nid: 7\n\n");

        assertThat(e).extracting(SseFramer.Event::type).containsExactly("message", "delete");
        assertThat(e.get(0).name()).isNull();
        assertThat(e.get(1).data()).isNull();
    }

    @Test
    void theLastEventNeedsNoBlankLineAndCommentsAloneMakeNone() {
        assertThat(events("event: update\ndata: y"))
                .extracting(SseFramer.Event::data)
                .containsExactly("y");
        assertThat(events(":thump\n\n:thump\n")).isEmpty();
    }
}
