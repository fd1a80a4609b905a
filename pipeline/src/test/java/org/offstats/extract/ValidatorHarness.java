package org.offstats.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.offstats.schema.CsvContract;
import org.offstats.schema.Schemas;

/**
 * Drives a {@link RowValidator} for one extract from a valid record (column name to value) that a
 * test changes column by column. Every reject it sees is checked for identifier leaks: EXTRACTS.md
 * says identifiers never appear in a console message, and reject messages are shown and counted.
 */
final class ValidatorHarness {
  /** The identifier columns of EXTRACTS.md ("Identifiers ..."). */
  static final Set<String> IDENTIFIERS = Set.of("arrest_id", "person_ref", "crime_ref", "order_ref");

  static final long ONE_MIB = 1L << 20;

  final CsvContract contract;
  final RowValidator validator;
  final HeaderMap header;
  private final Map<String, String> valid;

  ValidatorHarness(String extract, Map<String, String> valid, long fieldLimitBytes) {
    this(extract, valid, fieldLimitBytes, InMemoryReference.standard());
  }

  ValidatorHarness(String extract, Map<String, String> valid, long fieldLimitBytes, ReferenceData reference) {
    this.contract = Schemas.extract(extract);
    this.validator = RowValidator.forExtract(contract, reference, fieldLimitBytes);
    this.header = HeaderMap.of(contract, contract.columnNames(), extract + ".csv");
    this.valid = Map.copyOf(valid);
    assertThat(valid.keySet()).containsExactlyInAnyOrderElementsOf(contract.columnNames());
  }

  /** The valid record with some columns replaced: pairs of column name and value. */
  Map<String, String> record(String... columnValuePairs) {
    Map<String, String> record = new LinkedHashMap<>();
    for (String column : contract.columnNames()) {
      record.put(column, valid.get(column));
    }
    for (int i = 0; i < columnValuePairs.length; i += 2) {
      if (!record.containsKey(columnValuePairs[i])) {
        throw new IllegalArgumentException("no column " + columnValuePairs[i]);
      }
      record.put(columnValuePairs[i], columnValuePairs[i + 1]);
    }
    return record;
  }

  /** Fields in the header's (canonical) order. */
  String[] fields(Map<String, String> record) {
    return contract.columnNames().stream().map(record::get).toArray(String[]::new);
  }

  RowValidator.Result check(String... columnValuePairs) {
    return check(record(columnValuePairs));
  }

  RowValidator.Result check(Map<String, String> record) {
    RowValidator.Result result = validator.check(header, fields(record));
    if (result.rejected()) {
      assertNoIdentifierIn(result.message(), record);
    }
    return result;
  }

  /** The accepted value of {@code column} (canonical order, defaults applied). */
  String value(RowValidator.Result result, String column) {
    return result.values()[contract.column(column).index()];
  }

  static void assertRejected(RowValidator.Result result, ReasonCode reason) {
    assertThat(result.reason()).as("reason (message: %s)", result.message()).isEqualTo(reason);
    assertThat(result.message()).as("a rejected record has a message").isNotBlank();
  }

  static void assertAccepted(RowValidator.Result result) {
    assertThat(result.rejected()).as("rejected as %s: %s", result.reason(), result.message()).isFalse();
    assertThat(result.values()).isNotNull();
  }

  static void assertNoIdentifierIn(String message, Map<String, String> record) {
    for (Map.Entry<String, String> entry : record.entrySet()) {
      // A blank value (" ") is in every message with a space; it identifies nobody.
      if (IDENTIFIERS.contains(entry.getKey()) && entry.getValue() != null && !entry.getValue().isBlank()) {
        assertThat(message)
            .as("message must not contain the %s value", entry.getKey())
            .doesNotContain(entry.getValue());
      }
    }
  }
}
