package dev.undertone.core.sentiment.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Texts with gold labels, read from two aligned files in TweetEval's layout: one text per line, and
 * one label per line ({@code 0} negative, {@code 1} neutral, {@code 2} positive).
 *
 * @param texts the texts
 * @param labels the label id of each text
 */
public record LabeledTexts(List<String> texts, byte[] labels) {

    public LabeledTexts {
        texts = List.copyOf(texts);
        if (texts.size() != labels.length) {
            throw new IllegalArgumentException(
                    texts.size() + " texts but " + labels.length + " labels");
        }
    }

    /** The number of texts. */
    public int size() {
        return texts.size();
    }

    /**
     * Reads a texts file and a labels file.
     *
     * @throws LabelFileException naming the file and line when the files do not line up or a label
     *     is not 0, 1 or 2
     * @throws IOException when a file cannot be read
     */
    public static LabeledTexts read(Path textsFile, Path labelsFile) throws IOException {
        List<String> texts = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(textsFile, StandardCharsets.UTF_8)) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                texts.add(line);
            }
        }
        byte[] labels = new byte[texts.size()];
        int line = 0;
        try (BufferedReader r = Files.newBufferedReader(labelsFile, StandardCharsets.UTF_8)) {
            for (String s = r.readLine(); s != null; s = r.readLine()) {
                line++;
                if (line > texts.size()) {
                    throw new LabelFileException(
                            labelsFile
                                    + " line "
                                    + line
                                    + ": more labels than the "
                                    + texts.size()
                                    + " texts of "
                                    + textsFile);
                }
                labels[line - 1] = parseLabel(s, labelsFile, line);
            }
        }
        if (line < texts.size()) {
            throw new LabelFileException(
                    textsFile
                            + " line "
                            + (line + 1)
                            + ": no label for this text ("
                            + labelsFile
                            + " has "
                            + line
                            + " lines, "
                            + textsFile
                            + " has "
                            + texts.size()
                            + ")");
        }
        return new LabeledTexts(texts, labels);
    }

    /** Parses one label line: {@code 0}, {@code 1} or {@code 2}, surrounding blanks ignored. */
    public static byte parseLabel(String s, Path file, int line) {
        String v = s.strip();
        if (v.length() == 1 && v.charAt(0) >= '0' && v.charAt(0) <= '2') {
            return (byte) (v.charAt(0) - '0');
        }
        throw new LabelFileException(
                file + " line " + line + ": label '" + abbreviate(v) + "' is not 0, 1 or 2");
    }

    private static String abbreviate(String v) {
        return v.length() <= 20 ? v : v.substring(0, 20) + "...";
    }

    /** A labels file that does not fit its texts file; the message names the file and line. */
    public static final class LabelFileException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public LabelFileException(String message) {
            super(message);
        }
    }
}
