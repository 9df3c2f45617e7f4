package dev.undertone.models.accurate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * BERT's uncased WordPiece tokenizer in plain Java, read from a Hugging Face {@code tokenizer.json}
 * (BertNormalizer, BertPreTokenizer, WordPiece, {@code [CLS] A [SEP]}), giving the ids the Hugging
 * Face tokenizers library gives: {@code WordPieceTokenizerTest} compares the two on every TweetEval
 * tweet.
 *
 * <p>Plain Java because the Hugging Face library is native code that a JVM loads once: a Flink job
 * restarted after a failure loads its classes again in a new class loader, and a second load of the
 * same native library fails there. Thread-safe and immutable.
 */
final class WordPieceTokenizer {

    private static final String PREFIX = "##";

    private final Map<String, Integer> vocab;
    private final List<String> specials;
    private final int unk;
    private final int cls;
    private final int sep;
    private final int maxCharsPerWord;

    private WordPieceTokenizer(
            Map<String, Integer> vocab, List<String> specials, int maxCharsPerWord) {
        this.vocab = vocab;
        this.specials = specials;
        this.unk = id(vocab, "[UNK]");
        this.cls = id(vocab, "[CLS]");
        this.sep = id(vocab, "[SEP]");
        this.maxCharsPerWord = maxCharsPerWord;
    }

    private static int id(Map<String, Integer> vocab, String token) {
        Integer id = vocab.get(token);
        if (id == null) {
            throw new IllegalArgumentException("the vocabulary has no " + token);
        }
        return id;
    }

    /**
     * Reads a {@code tokenizer.json} of an uncased BERT WordPiece model.
     *
     * @throws IOException if it cannot be read or is another kind of tokenizer
     */
    static WordPieceTokenizer read(InputStream json) throws IOException {
        JsonNode root = new ObjectMapper().readTree(json);
        JsonNode model = root.path("model");
        JsonNode normalizer = root.path("normalizer");
        if (!"WordPiece".equals(model.path("type").asText())
                || !"BertNormalizer".equals(normalizer.path("type").asText())
                || !normalizer.path("lowercase").asBoolean()
                || !PREFIX.equals(model.path("continuing_subword_prefix").asText(PREFIX))) {
            throw new IOException("not an uncased BERT WordPiece tokenizer.json");
        }
        Map<String, Integer> vocab = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = model.path("vocab").fields();
                it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            vocab.put(e.getKey(), e.getValue().asInt());
        }
        List<String> specials = new ArrayList<>();
        for (JsonNode t : root.path("added_tokens")) {
            specials.add(t.path("content").asText());
        }
        return new WordPieceTokenizer(
                vocab, specials, model.path("max_input_chars_per_word").asInt(100));
    }

    /**
     * The ids of {@code [CLS] text [SEP]}, the text's pieces cut to {@code maxTokens - 2}.
     *
     * @param cut set to true in {@code cut[0]} when pieces were dropped
     */
    long[] encode(String text, int maxTokens, boolean[] cut) {
        List<Integer> ids = new ArrayList<>();
        splitOnSpecials(text, ids);
        int keep = Math.min(ids.size(), maxTokens - 2);
        cut[0] = keep < ids.size();
        long[] out = new long[keep + 2];
        out[0] = cls;
        for (int i = 0; i < keep; i++) {
            out[i + 1] = ids.get(i);
        }
        out[keep + 1] = sep;
        return out;
    }

    /** Added tokens written literally ("[MASK]") stay whole, as the Hugging Face library has it. */
    private void splitOnSpecials(String text, List<Integer> ids) {
        int from = 0;
        while (from <= text.length()) {
            int at = -1;
            String found = null;
            for (String s : specials) {
                int i = text.indexOf(s, from);
                if (i >= 0 && (at < 0 || i < at)) {
                    at = i;
                    found = s;
                }
            }
            if (found == null) {
                pieces(text.substring(from), ids);
                return;
            }
            pieces(text.substring(from, at), ids);
            ids.add(vocab.get(found));
            from = at + found.length();
        }
    }

    /** BertNormalizer, BertPreTokenizer and WordPiece over a stretch without added tokens. */
    private void pieces(String text, List<Integer> ids) {
        for (String w : words(normalize(text))) {
            wordPiece(w, ids);
        }
    }

    /** Clean text, space out CJK ideographs, strip accents, lower-case. */
    static String normalize(String text) {
        StringBuilder b = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c == 0 || c == 0xFFFD || isControl(c)) {
                continue;
            }
            if (isWhitespace(c)) {
                b.append(' ');
            } else if (isChinese(c)) {
                b.append(' ').appendCodePoint(c).append(' ');
            } else {
                b.appendCodePoint(c);
            }
        }
        String decomposed = Normalizer.normalize(b, Normalizer.Form.NFD);
        StringBuilder lower = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); ) {
            int c = decomposed.codePointAt(i);
            i += Character.charCount(c);
            if (c < 0x80) {
                lower.append((char) (c >= 'A' && c <= 'Z' ? c + 32 : c));
            } else if (Character.getType(c) != Character.NON_SPACING_MARK) {
                // Character by character, as the reference does: full mappings (İ -> i̇) but no
                // context rules (a word-final Σ becomes σ, not ς).
                lower.append(new String(Character.toChars(c)).toLowerCase(Locale.ROOT));
            }
        }
        return lower.toString();
    }

    /** Split on whitespace, each punctuation character a word of its own. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (isWhitespace(c)) {
                flush(w, words);
            } else if (isPunctuation(c)) {
                flush(w, words);
                words.add(new String(Character.toChars(c)));
            } else {
                w.appendCodePoint(c);
            }
        }
        flush(w, words);
        return words;
    }

    private static void flush(StringBuilder w, List<String> words) {
        if (w.length() > 0) {
            words.add(w.toString());
            w.setLength(0);
        }
    }

    /** Greedy longest-match-first; a word with a part not in the vocabulary is one [UNK]. */
    private void wordPiece(String word, List<Integer> ids) {
        if (word.codePointCount(0, word.length()) > maxCharsPerWord) {
            ids.add(unk);
            return;
        }
        List<Integer> parts = new ArrayList<>();
        int start = 0;
        while (start < word.length()) {
            int end = word.length();
            Integer found = null;
            while (start < end) {
                String piece = word.substring(start, end);
                found = vocab.get(start > 0 ? PREFIX + piece : piece);
                if (found != null) {
                    break;
                }
                end = Character.isLowSurrogate(word.charAt(end - 1)) ? end - 2 : end - 1;
            }
            if (found == null) {
                ids.add(unk);
                return;
            }
            parts.add(found);
            start = end;
        }
        ids.addAll(parts);
    }

    private static boolean isWhitespace(int c) {
        return c == ' '
                || c == '\t'
                || c == '\n'
                || c == '\r'
                || Character.isWhitespace(c)
                || Character.getType(c) == Character.SPACE_SEPARATOR;
    }

    private static boolean isControl(int c) {
        if (c == '\t' || c == '\n' || c == '\r') {
            return false;
        }
        int t = Character.getType(c);
        return t == Character.CONTROL
                || t == Character.FORMAT
                || t == Character.UNASSIGNED
                || t == Character.PRIVATE_USE
                || t == Character.SURROGATE;
    }

    private static boolean isPunctuation(int c) {
        if ((c >= 33 && c <= 47)
                || (c >= 58 && c <= 64)
                || (c >= 91 && c <= 96)
                || (c >= 123 && c <= 126)) {
            return true;
        }
        int t = Character.getType(c);
        return t == Character.CONNECTOR_PUNCTUATION
                || t == Character.DASH_PUNCTUATION
                || t == Character.START_PUNCTUATION
                || t == Character.END_PUNCTUATION
                || t == Character.INITIAL_QUOTE_PUNCTUATION
                || t == Character.FINAL_QUOTE_PUNCTUATION
                || t == Character.OTHER_PUNCTUATION;
    }

    private static boolean isChinese(int c) {
        return (c >= 0x4E00 && c <= 0x9FFF)
                || (c >= 0x3400 && c <= 0x4DBF)
                || (c >= 0x20000 && c <= 0x2A6DF)
                || (c >= 0x2A700 && c <= 0x2B73F)
                || (c >= 0x2B740 && c <= 0x2B81F)
                || (c >= 0x2B820 && c <= 0x2CEAF)
                || (c >= 0xF900 && c <= 0xFAFF)
                || (c >= 0x2F800 && c <= 0x2FA1F);
    }
}
