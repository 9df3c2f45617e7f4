package dev.undertone.app.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsTest {

    @TempDir Path tmp;

    @Test
    void readsAFileThatOverridesTheEnvironmentAndNeverPrintsValues() throws Exception {
        Path f =
                Files.writeString(
                        tmp.resolve("secrets.env"),
                        "# tokens\nexport UNDERTONE_X_BEARER_TOKEN=\"from-file\"\n\nUNDERTONE_MASTODON_TOKEN=m-tok\n");
        Secrets s =
                Secrets.load(
                        f,
                        Map.of(
                                "UNDERTONE_X_BEARER_TOKEN",
                                "from-env",
                                "UNDERTONE_AUTH_TOKEN",
                                "auth-token-value"));

        assertThat(s.get(Secrets.X_BEARER_TOKEN)).contains("from-file");
        assertThat(s.get(Secrets.MASTODON_TOKEN)).contains("m-tok");
        assertThat(s.get(Secrets.AUTH_TOKEN)).contains("auth-token-value");
        assertThat(s.toString())
                .doesNotContain("from-file", "m-tok")
                .contains(Secrets.X_BEARER_TOKEN);
        assertThat(s.redact("Bearer from-file and m-tok")).isEqualTo("Bearer *** and ***");
    }

    @Test
    void namesTheBadLineButNotItsContent() throws Exception {
        Path f =
                Files.writeString(
                        tmp.resolve("bad.env"),
                        "UNDERTONE_X_BEARER_TOKEN=ok\nsecret-without-name\n");
        assertThatThrownBy(() -> Secrets.load(f, Map.of()))
                .hasMessageContaining("line 2")
                .hasMessageNotContaining("secret-without-name");
    }
}
