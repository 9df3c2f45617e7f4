package dev.undertone.flink.opensearch;

import dev.undertone.opensearch.BulkAction;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.flink.connector.base.sink.writer.AsyncSinkWriterStateSerializer;

/** Writes the sink's buffered actions into checkpoints and reads them back on restore. */
public final class BulkActionStateSerializer extends AsyncSinkWriterStateSerializer<BulkAction> {
    private static final int VERSION = 1;

    @Override
    protected void serializeRequestToStream(BulkAction a, DataOutputStream out) throws IOException {
        out.writeByte(a.op().ordinal());
        out.writeUTF(a.index());
        out.writeUTF(a.id());
        out.writeInt(a.source().length);
        out.write(a.source());
        out.writeLong(a.version());
        out.writeInt(a.attempts());
        out.writeLong(a.firstFailureMillis());
    }

    @Override
    protected BulkAction deserializeRequestFromStream(long requestSize, DataInputStream in)
            throws IOException {
        BulkAction.Op op = BulkAction.Op.values()[in.readByte()];
        String index = in.readUTF();
        String id = in.readUTF();
        byte[] source = new byte[in.readInt()];
        in.readFully(source);
        return new BulkAction(op, index, id, source, in.readLong(), in.readInt(), in.readLong());
    }

    @Override
    public int getVersion() {
        return VERSION;
    }
}
