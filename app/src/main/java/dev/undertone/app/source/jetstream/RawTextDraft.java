package dev.undertone.app.source.jetstream;

import java.nio.ByteBuffer;
import java.util.function.Consumer;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.drafts.Draft;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.enums.Opcode;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.Framedata;

/**
 * RFC 6455 as usual, except that a whole (unfragmented) text message is handed over as its raw
 * bytes instead of being decoded into a {@code String}: the journal wants the bytes, and skipping
 * the UTF-8 round trip is most of the client's cost at high rates. Invalid UTF-8 is then not
 * refused here; the decoder rejects such a record with its bytes kept. Fragmented messages take the
 * library's usual path.
 */
final class RawTextDraft extends Draft_6455 {

    private volatile Consumer<ByteBuffer> rawText;

    /** Where whole text messages go; set once the connection exists. */
    void bind(Consumer<ByteBuffer> target) {
        this.rawText = target;
    }

    @Override
    public Draft copyInstance() {
        RawTextDraft copy = new RawTextDraft();
        copy.rawText = rawText;
        return copy;
    }

    @Override
    public void processFrame(WebSocketImpl ws, Framedata frame) throws InvalidDataException {
        Consumer<ByteBuffer> target = rawText;
        if (target != null && frame.getOpcode() == Opcode.TEXT && frame.isFin()) {
            target.accept(frame.getPayloadData());
            return;
        }
        super.processFrame(ws, frame);
    }
}
