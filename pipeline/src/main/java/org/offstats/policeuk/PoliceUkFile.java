package org.offstats.policeuk;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.offstats.domain.CodePointOrder;
import org.offstats.extract.CsvRecordReader;
import org.offstats.extract.InputException;
import org.offstats.schema.CsvContract;
import org.offstats.schema.Schemas;

/**
 * One public police.uk monthly file (EXTRACTS.md "Public open-data files"), found anywhere below
 * the input folder by its name, {@code YYYY-MM-<force>-(street|outcomes|stop-and-search).csv[.gz]}.
 *
 * @param sourceName the name of its kind's contract ({@code policeuk_street}), which names the
 *     rejects file and the manifest's extract
 * @param path path relative to the input folder
 * @param location absolute location to open
 * @param month the file's month, {@code YYYY-MM}
 * @param force the force slug of the file name, e.g. {@code city-of-london}
 */
public record PoliceUkFile(String sourceName, String path, String location, String month, String force)
    implements Serializable {

  private static final Pattern NAME =
      Pattern.compile("^(\\d{4}-\\d{2})-([a-z0-9-]+)-(street|outcomes|stop-and-search)\\.csv(\\.gz)?$");

  /** The contract of its kind: the exact public header. */
  public CsvContract source() {
    return Schemas.policeUkFiles().stream().filter(c -> c.name().equals(sourceName)).findFirst().orElseThrow();
  }

  public boolean gzipped() {
    return path.endsWith(".gz");
  }

  /** Whether a file name is a police.uk file name. */
  public static boolean matches(String fileName) {
    return NAME.matcher(fileName).matches();
  }

  /**
   * Every police.uk file below {@code input}, sorted by path, each header checked: a file named
   * like a police.uk file whose header is not exactly the public one is an error naming it.
   */
  public static List<PoliceUkFile> findAll(Path input) throws IOException {
    List<PoliceUkFile> found = new ArrayList<>();
    List<Path> candidates;
    try (Stream<Path> walk = Files.walk(input)) {
      candidates = walk.filter(Files::isRegularFile).filter(p -> matches(p.getFileName().toString())).toList();
    }
    for (Path file : candidates) {
      String relative = input.relativize(file).toString().replace('\\', '/');
      Matcher name = NAME.matcher(file.getFileName().toString());
      name.matches();
      CsvContract source = contractOf(name.group(3));
      PoliceUkFile policeUk = new PoliceUkFile(source.name(), relative, file.toAbsolutePath().toString(), name.group(1), name.group(2));
      policeUk.checkHeader();
      found.add(policeUk);
    }
    found.sort((a, b) -> CodePointOrder.compare(a.path(), b.path()));
    return List.copyOf(found);
  }

  private void checkHeader() throws IOException {
    List<String> header;
    try (InputStream in = Files.newInputStream(Path.of(location));
        CsvRecordReader reader = new CsvRecordReader(in, path, gzipped())) {
      header = reader.header();
    }
    if (!header.equals(source().headerNames())) {
      throw InputException.at(
          path, 1, "not the police.uk " + kind() + " header (rule: exactly " + String.join(",", source().headerNames()) + ")");
    }
  }

  /** The kind as in the file name: street, outcomes or stop-and-search. */
  public String kind() {
    return (String) source().schema().getObjectProp("offstats.policeuk");
  }

  private static CsvContract contractOf(String kind) {
    Optional<CsvContract> contract =
        Schemas.policeUkFiles().stream().filter(c -> kind.equals(c.schema().getObjectProp("offstats.policeuk"))).findFirst();
    return contract.orElseThrow(() -> new IllegalStateException("no schema for police.uk kind " + kind));
  }
}
