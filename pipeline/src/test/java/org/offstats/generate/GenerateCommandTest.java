package org.offstats.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.offstats.cli.GenerateCommand;
import picocli.CommandLine;

class GenerateCommandTest {
  @TempDir Path temp;

  @Test
  void writesTheSameFilesAsTheJavaApi() throws IOException {
    Path viaCli = temp.resolve("cli");
    int exit =
        command(new StringWriter())
            .execute("--output", viaCli.toString(), "--rows", "1500", "--seed", "9");
    assertThat(exit).isZero();
    Path viaApi = temp.resolve("api");
    SyntheticExtracts.write(viaApi, 1500, 9);
    for (String file :
        List.of("arrests.csv", "outcomes.csv", "protection_orders.csv", "reference/units.csv")) {
      assertThat(Files.readAllBytes(viaCli.resolve(file)))
          .as(file)
          .isEqualTo(Files.readAllBytes(viaApi.resolve(file)));
    }
  }

  @Test
  void defaultsToTenThousandArrestsAndSeedOne() {
    CommandLine command = command(new StringWriter());
    command.parseArgs("--output", temp.toString());
    assertThat(command.getCommandSpec().findOption("--rows").<Long>getValue()).isEqualTo(10_000L);
    assertThat(command.getCommandSpec().findOption("--seed").<Long>getValue()).isEqualTo(1L);
  }

  @Test
  void badUsageExitsWithTwo() {
    StringWriter err = new StringWriter();
    assertThat(command(err).execute("--rows", "10")).isEqualTo(2);
    assertThat(err.toString()).contains("--output");
    assertThat(command(new StringWriter()).execute("--output", temp.toString(), "--rows", "-5"))
        .isEqualTo(2);
  }

  private static CommandLine command(StringWriter err) {
    CommandLine command = new CommandLine(new GenerateCommand());
    command.setErr(new PrintWriter(err, true));
    command.setOut(new PrintWriter(new StringWriter(), true));
    return command;
  }
}
