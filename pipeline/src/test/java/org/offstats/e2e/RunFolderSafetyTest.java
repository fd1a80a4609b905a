package org.offstats.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;

import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.offstats.generate.SyntheticExtracts;

/** Review findings: permissions, Parquet metadata, corrupt gzip, usage errors, as-at messages. */
class RunFolderSafetyTest {

  @Test
  void publishFilesStayReadableWhenAFolderAboveIsNamedRestricted(@TempDir java.nio.file.Path dir) throws IOException {
    java.nio.file.Path input = dir.resolve("input");
    SyntheticExtracts.write(input, 100, 3, false);
    java.nio.file.Path out = dir.resolve("restricted").resolve("run");
    Cli.Result result = Cli.run("run", "--input", input.toString(), "--output", out.toString(), "--as-at", "2025-10-31");
    assertThat(result.exitCode()).as(result.stderr()).isZero();
    Set<PosixFilePermission> published = Files.getPosixFilePermissions(out.resolve("publish/charge_rates.parquet"));
    assertThat(published).contains(PosixFilePermission.OTHERS_READ);
    assertThat(Files.getPosixFilePermissions(out.resolve("restricted/charge_rates.parquet")))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    // OUTPUTS.md: key-value metadata limited to the schema
    for (String table : new String[] {"publish/charge_rates.parquet", "restricted/headlines.parquet"}) {
      try (ParquetFileReader reader =
          ParquetFileReader.open(HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(out.resolve(table).toUri()), new Configuration(false)))) {
        assertThat(reader.getFooter().getFileMetaData().getKeyValueMetaData()).containsOnlyKeys("parquet.avro.schema");
      }
    }
  }

  @Test
  void aCorruptGzipExtractIsBadInputNamingTheFile(@TempDir java.nio.file.Path dir) throws IOException {
    java.nio.file.Path input = dir.resolve("input");
    SyntheticExtracts.write(input, 100, 3, false);
    byte[] csv = Files.readAllBytes(input.resolve("arrests.csv"));
    Files.delete(input.resolve("arrests.csv"));
    try (OutputStream out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(input.resolve("arrests.csv.gz")))) {
      out.write(csv);
    }
    byte[] gz = Files.readAllBytes(input.resolve("arrests.csv.gz"));
    Files.write(input.resolve("arrests.csv.gz"), java.util.Arrays.copyOf(gz, gz.length / 2));

    Cli.Result result = Cli.run("run", "--input", input.toString(), "--output", dir.resolve("out").toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.stderr()).startsWith("offstats: error: arrests.csv.gz").contains("gzip").doesNotContain("\tat ");
    assertThat(dir.resolve("out")).doesNotExist();
    try (Stream<java.nio.file.Path> left = Files.list(dir)) {
      assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".offstats-tmp-"));
    }
  }

  @Test
  void badUsageIsOneLineWithExitCodeTwo() {
    Cli.Result result = Cli.run("run", "--max-reject-rate", "abc");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.stderr().strip().lines()).hasSize(1);
    assertThat(result.stderr()).startsWith("offstats: error: ").contains("--max-reject-rate");

    Cli.Result unknown = Cli.run("run", "--bogus=1");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.stderr().strip()).startsWith("offstats: error: unknown option --bogus");
  }

  @Test
  void rejectsDoNotDependOnTheDayOfTheRun(@TempDir java.nio.file.Path dir) throws IOException {
    // a record dated after the run day is rejected without --as-at; rerunning with the as-at date
    // that run recorded (as verify does) must give the same rejects file, byte for byte
    java.nio.file.Path input = dir.resolve("input");
    SyntheticExtracts.write(input, 100, 3, false);
    String header = Files.readAllLines(input.resolve("arrests.csv")).get(0);
    String first = Files.readAllLines(input.resolve("arrests.csv")).get(1);
    String future = first.replaceFirst("^[^,]*", "AFUTURE0001").replaceFirst("\\d{4}-\\d{2}-\\d{2}", "2099-01-01");
    assertThat(header).startsWith("arrest_id,person_ref,arrest_date");
    Files.writeString(input.resolve("arrests-future.csv"), header + "\n" + future + "\n");

    java.nio.file.Path a = dir.resolve("a");
    assertThat(Cli.run("run", "--input", input.toString(), "--output", a.toString(), "--max-reject-rate", "1").exitCode()).isZero();
    String asAt = Files.readString(a.resolve("manifest.json")).replaceAll("(?s).*\"as_at\" : \"([0-9-]+)\".*", "$1");
    java.nio.file.Path b = dir.resolve("b");
    assertThat(Cli.run("run", "--input", input.toString(), "--output", b.toString(), "--max-reject-rate", "1", "--as-at", asAt).exitCode())
        .isZero();

    assertThat(Files.readString(a.resolve("restricted/rejects/arrests.csv"))).contains("OUT_OF_RANGE").contains("2099-01-01");
    assertThat(Files.mismatch(a.resolve("restricted/rejects/arrests.csv"), b.resolve("restricted/rejects/arrests.csv"))).isEqualTo(-1);
  }
}
