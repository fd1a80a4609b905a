package org.offstats.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code offstats explain} end to end (issue 5): for every headline figure the recount from the
 * inputs agrees with the exact value in {@code restricted/headlines.parquet} (read here with
 * DuckDB); {@code --rows} writes the contributing records' identifiers owner-only under
 * {@code restricted/explain/}, one per contributing record, and never prints one.
 */
class ExplainCommandTest {
  private static final List<String> FIGURES = List.of(
      "pou_persons_arrested_since_launch",
      "pou_da_arrests_since_launch",
      "rape_charge_rate_latest_fy",
      "da_charge_rate_latest_fy",
      "rape_median_days_to_charge_latest_fy",
      "bicycle_thefts_since_2024");
  private static final Pattern RECOUNT = Pattern.compile("recounted value: ([0-9.]+|none)");

  @TempDir static Path temp;
  private static Path input;
  private static Path figures;
  private static Path run;
  private static Connection db;

  @BeforeAll
  static void makeRun() {
    input = temp.resolve("input");
    Synthetic.write(input, 1000, 77L, true);
    // rape charges are rare in a small sample: add a few in the latest complete year (2024-25) so
    // the median-days figure has records to recount
    Fixtures.write(input.resolve("outcomes-extra.csv"), String.join("\n",
        "crime_ref,offence_code,domestic_abuse,recorded_date,bcu_code,outcome_type,outcome_date,arrest_id",
        "Cxplain0001,19C,N,2024-06-01,NW,1,2024-07-01,",
        "Cxplain0002,19C,Y,2024-06-10,NW,1,2024-09-08,",
        "Cxplain0003,19D,N,2024-05-01,SE,1,2024-05-11,",
        "Cxplain0004,19C,N,2025-03-31,SE,1,2025-10-17,",
        "Cxplain0005,19C,N,2024-04-01,SE,,,",
        ""));
    // a police.uk street file: two bicycle thefts count, anti-social behaviour and a short record do not
    Fixtures.write(input.resolve("policeuk/2024-05-city-of-london-street.csv"), String.join("\n",
        "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context",
        "c0a1,2024-05,City of London Police,City of London Police,-0.09,51.51,On or near Cheapside,E01000001,City of London 001A,"
            + "Bicycle theft,Under investigation,",
        ",2024-05,City of London Police,City of London Police,,,No location,,,Anti-social behaviour,,",
        "c0a2,2024-05,City of London Police,City of London Police,-0.09,51.51,\"On or near Bank, Poultry\",E01000001,"
            + "City of London 001A,Bicycle theft,Unable to prosecute suspect,",
        "c0a3,2024-05,City of London Police,City of London Police,-0.09,51.51,On or near Cheapside,E01000001,City of London 001A,"
            + "Theft from the person,,",
        "c0a4,2024-05,City of London Police",
        ""));
    figures = withPoliceUkFigure(temp.resolve("figures.json"));
    run = temp.resolve("run");
    Cli.Result result = Cli.run("run", "--input", input.toString(), "--output", run.toString(), "--as-at", "2025-10-31",
        "--max-reject-rate", "1", "--figures", figures.toString());
    assertThat(result.exitCode()).as(result.describe()).isZero();
    db = Duck.open();
  }

  @AfterAll
  static void close() throws Exception {
    db.close();
  }

  @Test
  void everyHeadlineFigureAgreesWithItsRecount() {
    int withValue = 0;
    int withheld = 0;
    for (String figure : FIGURES) {
      Cli.Result result = Cli.run("explain", run.toString(), figure);
      assertThat(result.exitCode()).as(figure + ": " + result.describe() + "\n" + result.stdout()).isZero();
      assertThat(result.stdout()).contains("agrees with the exact value").contains("unit of count:").contains("filters:")
          .contains("period:").contains("rounding:").contains("published value:").contains("records read");
      Double exact = exactValue(figure);
      Matcher recount = RECOUNT.matcher(result.stdout());
      assertThat(recount.find()).as(result.stdout()).isTrue();
      if (exact == null) {
        assertThat(recount.group(1)).isEqualTo("none");
      } else {
        withValue++;
        assertThat(Double.parseDouble(recount.group(1))).as(figure).isEqualTo(exact);
      }
      assertThat(AuditFixtures.identifiersIn(result.console(), input)).as(figure).isEmpty();
      if (withheld(figure)) {
        withheld++;
        // records matched and were counted: the published value is absent because it is withheld
        assertThat(result.stdout()).as(figure).contains("published value: none: withheld by disclosure control")
            .contains("suppression: withheld: ").doesNotContain("nothing to count").doesNotContain("cannot read");
      }
    }
    assertThat(withValue).as("figures with a value to recount").isEqualTo(FIGURES.size());
    assertThat(withheld).as("figures withheld by disclosure control in this run, so the wording above is looked at").isPositive();
  }

  @Test
  void rowsWritesTheContributingIdentifiersOwnerOnlyAndNeverToTheConsole() throws IOException {
    Cli.Result result = Cli.run("explain", run.toString(), "pou_persons_arrested_since_launch", "--rows");
    assertThat(result.exitCode()).as(result.describe()).isZero();
    Path rows = run.resolve("restricted/explain/pou_persons_arrested_since_launch.csv");
    assertThat(rows).exists();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(rows))).isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(rows.getParent()))).isEqualTo("rwx------");
    assertThat(AuditFixtures.identifiersIn(result.console(), input)).isEmpty();

    List<List<String>> records = AuditFixtures.records(rows);
    assertThat(records.get(0)).containsExactly("file", "line", "arrest_id", "person_ref");
    long persons = records.stream().skip(1).map(r -> r.get(3)).distinct().count();
    assertThat((double) persons).isEqualTo(exactValue("pou_persons_arrested_since_launch"));
    assertThat(AuditFixtures.identifiers(input)).containsAll(records.stream().skip(1).map(r -> r.get(2)).toList());
    Matcher total = Pattern.compile("total: ([0-9,]+) matching arrests").matcher(result.stdout());
    assertThat(total.find()).isTrue();
    assertThat(records.size() - 1L).isEqualTo(Long.parseLong(total.group(1).replace(",", "")));

    Cli.Result verify = Cli.run("verify", run.toString());
    assertThat(verify.exitCode()).as("explain's file is not a run output: " + verify.stdout()).isZero();
  }

  @Test
  void unknownFigureOrChangedInputsAreBadInput() throws IOException {
    Cli.Result unknown = Cli.run("explain", run.toString(), "no_such_figure");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.stderr()).contains("no_such_figure").contains("pou_persons_arrested_since_launch");

    Path changed = AuditFixtures.copyTree(input, temp.resolve("changed"));
    Files.writeString(changed.resolve("arrests.csv"), Files.readString(changed.resolve("arrests.csv")).replace(",N,", ",Y,"));
    Cli.Result result = Cli.run("explain", run.toString(), "pou_da_arrests_since_launch", "--input", changed.toString());
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.stderr()).contains("arrests.csv changed");
  }

  @Test
  void aPoliceUkFigureCountsItsMatchingPublicRecords() {
    Cli.Result result = Cli.run("explain", run.toString(), "bicycle_thefts_since_2024");
    assertThat(result.exitCode()).as(result.describe()).isZero();
    assertThat(result.stdout())
        .contains("policeuk/2024-05-city-of-london-street.csv: 5 records read, 4 accepted (as the manifest says); 2 matching crimes")
        .contains("recounted value: 2: agrees");
    assertThat(exactValue("bicycle_thefts_since_2024")).isEqualTo(2.0);
  }

  @Test
  void verifyNamesAChangedDefinitionsFileWithoutARerun() throws IOException {
    Path changed = temp.resolve("figures-changed.json");
    // the same definitions with one more line end: other bytes, so not provably the run's
    Files.writeString(changed, Files.readString(figures) + "\n");
    Cli.Result result = Cli.run("verify", run.toString(), "--figures", changed.toString());
    assertThat(result.exitCode()).as(result.describe() + result.stdout()).isEqualTo(1);
    assertThat(result.stdout()).contains("- " + changed + ": changed since the run").contains("not rerun");
  }

  /** The bundled definitions plus one over the police.uk street table, for run --figures. */
  private static Path withPoliceUkFigure(Path file) {
    try (var in = ExplainCommandTest.class.getResourceAsStream("/figures/headlines.json")) {
      var json = new com.fasterxml.jackson.databind.ObjectMapper();
      var root = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(in);
      root.withArray("figures").add(json.readTree("""
          {"id": "bicycle_thefts_since_2024", "unit": "crimes", "source": "policeuk_street_by_type",
           "filters": {"crime_type": "Bicycle theft"}, "period": {"from": "2024-01-01", "to": "as_at"},
           "rounding": {"method": "exact"}, "statement": "{published} bicycle thefts were reported (as at {as_at})."}
          """));
      Files.writeString(file, json.writerWithDefaultPrettyPrinter().writeValueAsString(root));
      return file;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Whether publish/headlines.parquet withholds the figure: no published value, a statement saying why (read with DuckDB). */
  private static boolean withheld(String figure) {
    List<List<Object>> rows = Duck.rows(db, "SELECT published_value IS NULL AND starts_with(statement, 'Not published:') FROM "
        + Duck.parquet(run.resolve("publish/headlines.parquet")) + " WHERE figure_id = " + Duck.literal(figure));
    assertThat(rows).hasSize(1);
    return (Boolean) rows.get(0).get(0);
  }

  private static Double exactValue(String figure) {
    List<List<Object>> rows = Duck.rows(db, "SELECT value FROM " + Duck.parquet(run.resolve("restricted/headlines.parquet"))
        + " WHERE figure_id = " + Duck.literal(figure));
    assertThat(rows).hasSize(1);
    return (Double) rows.get(0).get(0);
  }
}
