package dev.undertone.core.sentiment.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabeledTextsTest {

    @TempDir Path dir;

    private LabeledTexts read(String texts, String labels) throws IOException {
        Path t = Files.writeString(dir.resolve("t.txt"), texts);
        Path l = Files.writeString(dir.resolve("l.txt"), labels);
        return LabeledTexts.read(t, l);
    }

    @Test
    void readsAlignedTextsAndLabels() throws IOException {
        LabeledTexts data = read("good\nbad\nmeh\n", "2\n0\n 1 \n");
        assertThat(data.texts()).containsExactly("good", "bad", "meh");
        assertThat(data.labels()).containsExactly(2, 0, 1);
    }

    @Test
    void namesTheLineOfALabelOutsideZeroToTwo() {
        assertThatThrownBy(() -> read("a\nb\n", "1\n3\n"))
                .isInstanceOf(LabeledTexts.LabelFileException.class)
                .hasMessageContaining("line 2")
                .hasMessageContaining("'3'");
    }

    @Test
    void namesTheFirstLineWithoutALabel() {
        assertThatThrownBy(() -> read("a\nb\nc\n", "1\n2\n"))
                .isInstanceOf(LabeledTexts.LabelFileException.class)
                .hasMessageContaining("line 3")
                .hasMessageContaining("no label");
    }

    @Test
    void namesTheFirstLabelWithoutAText() {
        assertThatThrownBy(() -> read("a\n", "1\n2\n"))
                .isInstanceOf(LabeledTexts.LabelFileException.class)
                .hasMessageContaining("line 2");
    }
}
