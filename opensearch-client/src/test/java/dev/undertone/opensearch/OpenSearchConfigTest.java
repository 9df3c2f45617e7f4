package dev.undertone.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OpenSearchConfigTest {

    @Test
    void parsesStoreUrisWithAndWithoutIndex() {
        OpenSearchConfig c = OpenSearchConfig.parse("opensearch://search.local:9201/my-posts");
        assertThat(c.url()).isEqualTo("http://search.local:9201");
        assertThat(c.index()).isEqualTo("my-posts");

        OpenSearchConfig d = OpenSearchConfig.parse("opensearch+https://search.local");
        assertThat(d.url()).isEqualTo("https://search.local:9200");
        assertThat(d.index()).isEqualTo(OpenSearchConfig.DEFAULT_INDEX);
    }

    @Test
    void rejectsOtherSchemesAndBadIndexNames() {
        assertThatThrownBy(() -> OpenSearchConfig.parse("kafka://h:1/t"))
                .hasMessageContaining("opensearch://HOST:PORT/INDEX");
        assertThatThrownBy(() -> OpenSearchConfig.parse("opensearch://h:1/Posts"))
                .hasMessageContaining("not a valid OpenSearch index name");
        assertThatThrownBy(() -> OpenSearchConfig.parse("opensearch://h:1/a*b"))
                .hasMessageContaining("not a valid OpenSearch index name");
    }

    @Test
    void neverPrintsThePassword() {
        OpenSearchConfig c =
                OpenSearchConfig.parse("opensearch://h:1/p").withBasicAuth("admin", "s3cret!");

        assertThat(c.toString()).contains("admin").doesNotContain("s3cret!");
    }

    @Test
    void basicAuthNeedsBothParts() {
        assertThatThrownBy(
                        () -> OpenSearchConfig.parse("opensearch://h:1/p").withBasicAuth("a", null))
                .hasMessageContaining("both a username and a password");
    }
}
