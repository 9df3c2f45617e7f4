package dev.undertone.app.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the relative links of Markdown files that lead nowhere: a file that does not exist, or an
 * anchor that no heading of the target file produces. Anchors follow GitHub's rule (lower case,
 * punctuation dropped, spaces to hyphens, "-1", "-2" for repeats), since that is where the docs are
 * read. Links with a scheme (https:, mailto:) are not checked: tests never go online.
 */
final class MarkdownLinks {
    private static final Pattern LINK =
            Pattern.compile("!?\\[[^\\]]*\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern INLINE_CODE = Pattern.compile("`[^`]*`");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");
    private static final Pattern LINK_TEXT = Pattern.compile("\\[([^\\]]*)\\]\\([^)]*\\)");
    private static final Pattern NOT_IN_SLUG = Pattern.compile("[^\\p{L}\\p{N}\\p{M} _-]");

    private final Map<Path, Set<String>> anchorsByFile = new HashMap<>();

    /** One link that does not resolve, with where it is written and why it fails. */
    record Broken(Path file, int line, String target, String reason) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + target + " (" + reason + ")";
        }
    }

    /** The broken relative links of these Markdown files. */
    List<Broken> check(List<Path> files) {
        List<Broken> broken = new ArrayList<>();
        for (Path file : files) {
            List<String> lines = proseLines(file);
            for (int i = 0; i < lines.size(); i++) {
                String prose = INLINE_CODE.matcher(lines.get(i)).replaceAll("");
                Matcher m = LINK.matcher(prose);
                while (m.find()) {
                    String reason = problem(file, m.group(1));
                    if (reason != null) {
                        broken.add(new Broken(file, i + 1, m.group(1), reason));
                    }
                }
            }
        }
        return broken;
    }

    /** Why this link target does not resolve from this file, or null when it does. */
    private String problem(Path from, String target) {
        if (SCHEME.matcher(target).find()) {
            return null;
        }
        int hash = target.indexOf('#');
        String pathPart = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? null : target.substring(hash + 1);
        Path resolved =
                pathPart.isEmpty() ? from : from.toAbsolutePath().getParent().resolve(pathPart);
        if (!Files.exists(resolved)) {
            return "no such file: " + resolved.normalize();
        }
        if (anchor == null) {
            return null;
        }
        if (!resolved.toString().endsWith(".md")) {
            return "an anchor into a file that is not Markdown";
        }
        Set<String> anchors =
                anchorsByFile.computeIfAbsent(
                        resolved.toAbsolutePath().normalize(), MarkdownLinks::anchors);
        return anchors.contains(anchor)
                ? null
                : "no heading makes #" + anchor + " in " + resolved.normalize();
    }

    /** The anchors GitHub gives the headings of this file, in order. */
    static Set<String> anchors(Path file) {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String line : proseLines(file)) {
            Matcher m = HEADING.matcher(line);
            if (m.matches()) {
                String slug = slug(m.group(1));
                int n = seen.merge(slug, 1, Integer::sum) - 1;
                anchors.add(n == 0 ? slug : slug + "-" + n);
            }
        }
        return anchors;
    }

    /** GitHub's anchor of a heading: its text, lower case, punctuation dropped, spaces to "-". */
    static String slug(String heading) {
        String text = LINK_TEXT.matcher(heading).replaceAll("$1");
        return NOT_IN_SLUG.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("").replace(' ', '-');
    }

    /** The file's lines, with the lines of fenced code blocks blanked (links there are code). */
    private static List<String> proseLines(Path file) {
        List<String> lines;
        try {
            lines = new ArrayList<>(Files.readAllLines(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean inFence = false;
        for (int i = 0; i < lines.size(); i++) {
            boolean fence = lines.get(i).stripLeading().startsWith("```");
            if (fence || inFence) {
                lines.set(i, "");
            }
            if (fence) {
                inFence = !inFence;
            }
        }
        return lines;
    }
}
