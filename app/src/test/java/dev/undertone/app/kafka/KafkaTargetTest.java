package dev.undertone.app.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KafkaTargetTest {

    @Test
    void parsesBrokersAndTopic() {
        KafkaTarget t = KafkaTarget.parse("kafka://a:9092,b:9093/undertone-raw");

        assertThat(t.bootstrapServers()).isEqualTo("a:9092,b:9093");
        assertThat(t.topic()).isEqualTo("undertone-raw");
        assertThat(t.positionsTopic()).isEqualTo("undertone-raw.positions");
        assertThat(t).hasToString("kafka://a:9092,b:9093/undertone-raw");
    }

    @Test
    void rejectsAddressesWithoutTopicPortOrScheme() {
        assertThatThrownBy(() -> KafkaTarget.parse("kafka://a:9092"))
                .hasMessageContaining("kafka://HOST:PORT/TOPIC");
        assertThatThrownBy(() -> KafkaTarget.parse("kafka://a/t"))
                .hasMessageContaining("HOST:PORT");
        assertThatThrownBy(() -> KafkaTarget.parse("a:9092/t"))
                .hasMessageContaining("kafka://HOST:PORT/TOPIC");
        assertThatThrownBy(() -> KafkaTarget.parse("kafka://a:1/bad topic"))
                .hasMessageContaining("not a Kafka topic name");
    }
}
