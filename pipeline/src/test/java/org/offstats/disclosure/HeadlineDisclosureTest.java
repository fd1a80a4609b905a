package org.offstats.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.offstats.figures.FigureDefinitions;
import org.offstats.figures.Headlines;
import org.offstats.schema.table.Headline;
import org.offstats.tables.CellStats;
import org.offstats.tables.Contribution;

/**
 * Hand-worked headline disclosure: "few" counts 7 arrests (under 10), "many" counts 40 and quotes
 * "few" in its statement, "alone" counts 40 and quotes nothing. Only "alone" may be published:
 * "few" is small, and "many" would publish "few" through its statement.
 */
class HeadlineDisclosureTest {
  private static final LocalDate AS_AT = LocalDate.of(2025, 10, 31);
  private static final DisclosurePolicy POLICY =
      DisclosurePolicy.read("{\"version\":1,\"threshold\":10,\"suppress_zeros\":false}".getBytes(StandardCharsets.UTF_8), "test");

  private static String figure(String id, String statement) {
    return "{\"id\": \"" + id + "\", \"unit\": \"arrests\", \"source\": \"arrests\", \"filters\": {\"unit_type\": \"POU\"},"
        + " \"period\": {\"from\": \"2020-11-01\", \"to\": \"as_at\"}, \"rounding\": {\"method\": \"exact\"},"
        + " \"statement\": \"" + statement + "\"}";
  }

  private static CellStats arrests(int n) {
    CellStats stats = new CellStats();
    for (int i = 0; i < n; i++) {
      stats.add(Contribution.person(0));
    }
    return stats;
  }

  @Test
  void smallFiguresAndStatementsQuotingThemAreWithheld() throws IOException {
    String json = "{\"version\": 1, \"figures\": ["
        + figure("few", "{published} arrests (as at {as_at}).") + ","
        + figure("many", "{published} arrests, and {published:few} more (as at {as_at}).") + ","
        + figure("alone", "{published} arrests (as at {as_at}).") + "]}";
    FigureDefinitions definitions = FigureDefinitions.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test");
    Map<String, CellStats> stats = Map.of("few", arrests(7), "many", arrests(40), "alone", arrests(40));
    List<Headline> built = Headlines.build(definitions.figures(), stats, AS_AT);
    assertThat(built.get(1).getStatement()).isEqualTo("40 arrests, and 7 more (as at 31 October 2025).");

    List<Headline> published = HeadlineDisclosure.withholdSmall(built, definitions.figures(), stats, POLICY, AS_AT);

    assertThat(published).extracting(Headline::getFigureId, Headline::getValue, Headline::getPublishedValue)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("few", 7.0, null),
            org.assertj.core.groups.Tuple.tuple("many", 40.0, null),
            org.assertj.core.groups.Tuple.tuple("alone", 40.0, 40.0));
    assertThat(published.get(0).getStatement()).isEqualTo("Not published: it counts fewer than 10 arrests (disclosure control; as at 31 October 2025).");
    assertThat(published.get(1).getStatement()).startsWith("Not published: its statement quotes few, which is not published").doesNotContain("7");
    assertThat(published.get(2).getStatement()).isEqualTo("40 arrests (as at 31 October 2025).");
  }
}
