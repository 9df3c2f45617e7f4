package dev.undertone.app.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** A journal segment file, named after the offset of its first record. */
record Segment(long baseOffset, Path path) {
    static final String SUFFIX = ".journal";

    static Segment at(Path dir, long baseOffset) {
        return new Segment(baseOffset, dir.resolve(String.format("%020d%s", baseOffset, SUFFIX)));
    }

    /** The segments in a directory, oldest first. */
    static List<Segment> list(Path dir) throws IOException {
        List<Segment> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.forEach(
                    p -> {
                        String name = p.getFileName().toString();
                        if (name.endsWith(SUFFIX)) {
                            String digits = name.substring(0, name.length() - SUFFIX.length());
                            try {
                                out.add(new Segment(Long.parseLong(digits), p));
                            } catch (NumberFormatException e) {
                                // Not one of ours; leave it alone.
                            }
                        }
                    });
        }
        out.sort((a, b) -> Long.compare(a.baseOffset, b.baseOffset));
        return out;
    }
}
