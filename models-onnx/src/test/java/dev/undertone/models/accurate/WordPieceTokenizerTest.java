package dev.undertone.models.accurate;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.undertone.core.text.TextNormalizer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The plain-Java tokenizer against the Hugging Face tokenizers library (the reference it replaces)
 * on the same tokenizer.json: every TweetEval tweet, every UMSAB tweet (seven languages, three
 * scripts), raw and as the model sees them, and strings chosen to hit each rule.
 */
class WordPieceTokenizerTest {

    private static final int WINDOW = 64;
    private static HuggingFaceTokenizer reference;
    private static WordPieceTokenizer tokenizer;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = open()) {
            reference =
                    HuggingFaceTokenizer.newInstance(
                            in,
                            Map.of(
                                    "padding", "false",
                                    "truncation", "true",
                                    "maxLength", Integer.toString(WINDOW),
                                    "addSpecialTokens", "true"));
        }
        try (InputStream in = open()) {
            tokenizer = WordPieceTokenizer.read(in);
        }
    }

    @AfterAll
    static void close() {
        reference.close();
    }

    private static InputStream open() {
        return WordPieceTokenizerTest.class
                .getClassLoader()
                .getResourceAsStream(WordPieces.RESOURCE);
    }

    @Test
    void rulesOneByOne() {
        assertSameIds(
                List.of(
                        "Hello, World!",
                        "Café déjà vu — naïve façade",
                        "ΣΊΣΥΦΟΣ and İstanbul",
                        "中文字符 mixed with 日本語 and 한국어",
                        "tab\tnew\nline\r\u00a0nbsp\u2028sep\u3000ideographic",
                        "zero\u200bwidth\u200djoiner\ufeffbom",
                        "literal [MASK] and [CLS] and [unk] tokens",
                        "a".repeat(101) + " " + "b".repeat(100),
                        "emoji 😀👍🏽 and ❤️ and 🇫🇷",
                        "unknown piece: qqqqxqzzzqj",
                        "@user @user http #hashtag #HashTag $5.99 10:30pm",
                        "\u0000\ufffd\u0085\u000b\u000c\u001f control",
                        "",
                        "   ",
                        "word ".repeat(100)));
    }

    @Test
    void everyTweetEvalTweet() throws IOException {
        Path dir = SharedData.dir("tweeteval-sentiment");
        List<String> texts = new ArrayList<>();
        for (String f : List.of("train_text.txt", "val_text.txt")) {
            for (String t : Files.readAllLines(dir.resolve(f), StandardCharsets.UTF_8)) {
                texts.add(TextNormalizer.normalize(t));
                texts.add(t);
            }
        }
        assertThat(texts).hasSizeGreaterThan(90_000);
        assertSameIds(texts);
    }

    @Test
    void everyUmsabTweet() throws IOException {
        Path dir = SharedData.dir("umsab-sentiment");
        List<String> texts = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith("_text.txt")).toList()) {
                texts.addAll(Files.readAllLines(f, StandardCharsets.UTF_8));
            }
        }
        assertThat(texts).hasSizeGreaterThan(14_000);
        assertSameIds(texts);
    }

    private static void assertSameIds(List<String> texts) {
        Encoding[] expected = reference.batchEncode(new ArrayList<>(texts));
        boolean[] cut = new boolean[1];
        for (int i = 0; i < texts.size(); i++) {
            long[] ids = tokenizer.encode(texts.get(i), WINDOW, cut);
            assertThat(ids).as("ids of %s", texts.get(i)).isEqualTo(expected[i].getIds());
            assertThat(cut[0])
                    .as("cut of %s (%d ids)", texts.get(i), ids.length)
                    .isEqualTo(expected[i].exceedMaxLength());
        }
        assertThat(Arrays.stream(expected).filter(Encoding::exceedMaxLength).count())
                .isLessThan(texts.size());
    }
}
