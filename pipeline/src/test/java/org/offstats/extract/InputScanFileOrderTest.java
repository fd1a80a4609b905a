package org.offstats.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.offstats.schema.Schemas;

/**
 * EXTRACTS.md "Finding the files": force extracts are the files directly in the input folder whose
 * name starts with the extract's name and ends .csv or .csv.gz (case-sensitive), read in file
 * order: byte order of the file name with .gz ignored. Every other file is ignored and listed.
 */
class InputScanFileOrderTest {

  private static int compare(String a, String b) {
    return Arrays.compareUnsigned(InputScan.fileOrderKey(a), InputScan.fileOrderKey(b));
  }

  @Test
  void yearsThenLettersInByteOrder() {
    assertThat(compare("arrests-2021.csv", "arrests-2022.csv.gz")).isNegative();
    assertThat(compare("arrests-2022.csv.gz", "arrests-b.csv")).isNegative();
    assertThat(compare("arrests-2021.csv", "arrests-b.csv")).isNegative();
    assertThat(compare("arrests-b.csv", "arrests-2021.csv")).isPositive();
  }

  @Test
  void gzIsIgnored() {
    assertThat(InputScan.fileOrderKey("arrests-2022.csv.gz")).isEqualTo(InputScan.fileOrderKey("arrests-2022.csv"));
    // With .gz ignored, "arrests-x.csv" is a prefix of "arrests-x.csv-2.csv" and comes first;
    // counting ".gz" would put '-' (0x2D) before '.' (0x2E) and reverse them.
    assertThat(compare("arrests-x.csv.gz", "arrests-x.csv-2.csv")).isNegative();
    assertThat(compare("arrests-2021.csv.gz", "arrests-2022.csv")).isNegative();
  }

  @Test
  void byteOrderNotAlphabeticalOrder() {
    // Upper case sorts before lower case in bytes.
    assertThat(compare("arrests-B.csv", "arrests-a.csv")).isNegative();
    // Bytes are unsigned: 'é' (0xC3 0xA9 in UTF-8) sorts after 'z' (0x7A).
    assertThat(compare("arrests-z.csv", "arrests-\u00E9.csv")).isNegative();
    // UTF-8 byte order is code point order: U+FFFD (EF BF BD) before U+1F600 (F0 9F 98 80).
    assertThat(compare("arrests-\uFFFD.csv", "arrests-" + new String(Character.toChars(0x1F600)) + ".csv")).isNegative();
    // A shorter name that is a prefix comes first.
    assertThat(compare("arrests.csv", "arrests-1.csv")).isPositive(); // '.' 0x2E after '-' 0x2D
    assertThat(compare("arrests1.csv", "arrests10.csv")).isNegative();
  }

  @Test
  void scanFindsExtractFilesInFileOrderAndListsTheRest(@TempDir Path input) throws IOException {
    String arrestsHeader = String.join(",", Schemas.extract("arrests").columnNames()) + "\n";
    String outcomesHeader = String.join(",", Schemas.extract("outcomes").columnNames()) + "\r\n";
    write(input.resolve("arrests-b.csv"), arrestsHeader);
    writeGzip(input.resolve("arrests-2022.csv.gz"), arrestsHeader);
    write(input.resolve("arrests-2021.csv"), arrestsHeader);
    write(input.resolve("outcomes.csv"), outcomesHeader);
    // Not arrests files: case-sensitive names, other endings, not directly in the folder.
    write(input.resolve("Arrests.csv"), "not,a,valid,header\n");
    write(input.resolve("arrests-c.CSV"), "not,a,valid,header\n");
    write(input.resolve("arrests-d.csv.bak"), "not,a,valid,header\n");
    write(input.resolve("notes.txt"), "hello\n");
    Files.createDirectories(input.resolve("sub"));
    write(input.resolve("sub/arrests-2023.csv"), arrestsHeader);

    InputScan scan = InputScan.of(input);

    assertThat(scan.files().stream().filter(f -> f.extract().equals("arrests")).map(InputFile::path))
        .containsExactly("arrests-2021.csv", "arrests-2022.csv.gz", "arrests-b.csv");
    assertThat(scan.files().stream().filter(f -> f.extract().equals("outcomes")).map(InputFile::path))
        .containsExactly("outcomes.csv");
    assertThat(scan.hasExtract("protection_orders")).isFalse();
    assertThat(scan.ignoredFiles())
        .containsExactlyInAnyOrder(
            "Arrests.csv", "arrests-c.CSV", "arrests-d.csv.bak", "notes.txt", "sub/arrests-2023.csv");
  }

  @Test
  void scanOrdersByNameWithGzIgnored(@TempDir Path input) throws IOException {
    String header = String.join(",", Schemas.extract("arrests").columnNames()) + "\n";
    write(input.resolve("arrests-x.csv-2.csv"), header);
    writeGzip(input.resolve("arrests-x.csv.gz"), header);
    write(input.resolve("arrests-a.csv"), header);
    write(input.resolve("arrests-B.csv"), header);

    InputScan scan = InputScan.of(input);

    List<String> paths = scan.files().stream().map(InputFile::path).toList();
    assertThat(paths)
        .containsExactly("arrests-B.csv", "arrests-a.csv", "arrests-x.csv.gz", "arrests-x.csv-2.csv");
    assertThat(scan.ignoredFiles()).isEmpty();
  }

  private static void write(Path path, String text) throws IOException {
    Files.writeString(path, text, StandardCharsets.UTF_8);
  }

  private static void writeGzip(Path path, String text) throws IOException {
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(path))) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }
}
