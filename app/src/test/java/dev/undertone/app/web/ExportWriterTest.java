package dev.undertone.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** CSV cells: quoting, and defusing text a spreadsheet would run as a formula. */
class ExportWriterTest {
    @Test
    void cellsWithSeparatorsQuotesOrNewlinesAreQuoted() {
        assertThat(ExportWriter.csvCell("plain")).isEqualTo("plain");
        assertThat(ExportWriter.csvCell("a,b")).isEqualTo("\"a,b\"");
        assertThat(ExportWriter.csvCell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(ExportWriter.csvCell("two\nlines")).isEqualTo("\"two\nlines\"");
    }

    @Test
    void formulaLookingTextIsDefusedButNumbersAreNot() {
        assertThat(ExportWriter.csvCell("=HYPERLINK(\"http://evil\")")).startsWith("\"'=HYPERLINK");
        assertThat(ExportWriter.csvCell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(ExportWriter.csvCell("+1 555")).isEqualTo("'+1 555");
        assertThat(ExportWriter.csvCell("-0.25")).isEqualTo("-0.25");
    }
}
