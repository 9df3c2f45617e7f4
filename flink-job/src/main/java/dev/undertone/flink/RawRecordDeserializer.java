package dev.undertone.flink;

import dev.undertone.core.decode.Formats;
import dev.undertone.core.decode.RawRecord;
import dev.undertone.core.kafka.RawRecordHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Reads a raw-topic record (see {@link RawRecordHeaders}) back into a {@link RawRecord}. Never
 * fails: a record without a format header is decoded with format detection, and one without a
 * payload is passed on for the decoder to reject.
 */
public final class RawRecordDeserializer implements KafkaRecordDeserializationSchema<RawEvent> {
    private static final long serialVersionUID = 1L;

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> r, Collector<RawEvent> out) {
        String format = header(r, RawRecordHeaders.FORMAT);
        RawRecord raw =
                new RawRecord(
                        format == null ? Formats.AUTO : format,
                        header(r, RawRecordHeaders.ORIGIN),
                        Instant.ofEpochMilli(Math.max(r.timestamp(), 0)),
                        r.value() == null ? new byte[0] : r.value());
        out.collect(new RawEvent(raw, r.offset()));
    }

    private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null || h.value() == null
                ? null
                : new String(h.value(), StandardCharsets.UTF_8);
    }

    @Override
    public TypeInformation<RawEvent> getProducedType() {
        return TypeInformation.of(RawEvent.class);
    }
}
