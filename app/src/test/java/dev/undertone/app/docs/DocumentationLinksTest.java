package dev.undertone.app.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every relative link and anchor in README.md and docs/*.md leads to a file and a heading. */
class DocumentationLinksTest {
    private static final Path ROOT = Path.of("..");

    @Test
    void everyRelativeLinkOfTheReadmeAndTheDocsResolves() throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(ROOT.resolve("README.md"));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        assertThat(files).as("README.md and the docs").hasSizeGreaterThan(7);

        assertThat(new MarkdownLinks().check(files)).isEmpty();
    }

    @Test
    void aMissingFileOrHeadingIsReportedAndCodeIsNotReadAsLinks(@TempDir Path dir)
            throws IOException {
        Files.writeString(
                dir.resolve("other.md"),
                "# Other\n\n## The `fast` model: 2^19 buckets\n\n## Again\n\n## Again\n");
        Path page = dir.resolve("page.md");
        Files.writeString(
                page,
                String.join(
                        "\n",
                        "# Page",
                        "[ok](other.md) [ok](other.md#the-fast-model-219-buckets)"
                                + " [ok](other.md#again-1) [ok](#page) [ok](https://example.org/x)",
                        "[gone](missing.md) [no heading](other.md#nothing-here) ![img](pic.png)",
                        "`[code](not-a-link.md)`",
                        "```",
                        "[fenced](not-a-link-either.md)",
                        "```"));

        assertThat(new MarkdownLinks().check(List.of(page)))
                .extracting(MarkdownLinks.Broken::target)
                .containsExactly("missing.md", "other.md#nothing-here", "pic.png");
    }
}
