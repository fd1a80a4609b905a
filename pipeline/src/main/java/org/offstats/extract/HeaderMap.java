package org.offstats.extract;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.offstats.schema.Column;
import org.offstats.schema.CsvContract;

/**
 * Where each contract column sits in one file's header. Columns are found by exact name in any
 * order; a missing or repeated column is fatal, an unknown extra column is a warning.
 */
public final class HeaderMap implements Serializable {
  private final int[] positionOfColumn;
  private final int fieldCount;
  private final List<String> extraColumns;
  private final List<String> absentOptionalColumns;
  /** Whether the file's fields are the contract's columns in canonical order, with none extra. */
  private final boolean inCanonicalOrder;

  private HeaderMap(int[] positionOfColumn, int fieldCount, List<String> extraColumns, List<String> absentOptionalColumns) {
    this.positionOfColumn = positionOfColumn;
    this.fieldCount = fieldCount;
    this.extraColumns = extraColumns;
    this.absentOptionalColumns = absentOptionalColumns;
    boolean canonical = fieldCount == positionOfColumn.length;
    for (int i = 0; i < positionOfColumn.length && canonical; i++) {
      canonical = positionOfColumn[i] == i;
    }
    this.inCanonicalOrder = canonical;
  }

  /** Optional contract columns the file does not have: every record reads them as empty. */
  public List<String> absentOptionalColumns() {
    return absentOptionalColumns;
  }

  /**
   * @throws InputException naming the file and the columns when a required column is missing or a
   *     name repeats
   */
  public static HeaderMap of(CsvContract contract, List<String> header, String file) {
    Set<String> seen = new LinkedHashSet<>();
    Set<String> repeated = new LinkedHashSet<>();
    for (String name : header) {
      if (!seen.add(name)) {
        repeated.add(name);
      }
    }
    if (!repeated.isEmpty()) {
      throw InputException.at(file, 1, "repeated column " + quoted(repeated) + " in the header");
    }
    List<String> missing = new ArrayList<>();
    List<String> absentOptional = new ArrayList<>();
    int[] positions = new int[contract.columns().size()];
    for (int i = 0; i < positions.length; i++) {
      Column column = contract.columns().get(i);
      positions[i] = header.indexOf(column.header());
      if (positions[i] < 0) {
        // EXTRACTS.md makes only a missing *required* column fatal: an optional one reads as empty
        (column.required() ? missing : absentOptional).add(column.header());
      }
    }
    if (!missing.isEmpty()) {
      throw InputException.at(
          file,
          1,
          "missing column "
              + quoted(missing)
              + " (the "
              + contract.name()
              + " header needs "
              + String.join(",", contract.headerNames())
              + "; names are case-sensitive)");
    }
    List<String> extra = header.stream().filter(h -> !contract.headerNames().contains(h)).toList();
    return new HeaderMap(positions, header.size(), extra, List.copyOf(absentOptional));
  }

  /** Fields a record of this file must have. */
  public int fieldCount() {
    return fieldCount;
  }

  /** Header names that are not in the contract, in header order. */
  public List<String> extraColumns() {
    return extraColumns;
  }

  /**
   * The record's values in the contract's canonical column order: {@code fields} itself when the
   * file's columns are in that order (most files), so the caller may change what it is given.
   */
  public String[] canonical(String[] fields) {
    if (inCanonicalOrder) {
      return fields;
    }
    String[] values = new String[positionOfColumn.length];
    for (int i = 0; i < values.length; i++) {
      values[i] = positionOfColumn[i] < 0 ? "" : fields[positionOfColumn[i]];
    }
    return values;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HeaderMap other
        && java.util.Arrays.equals(positionOfColumn, other.positionOfColumn)
        && fieldCount == other.fieldCount
        && extraColumns.equals(other.extraColumns);
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(positionOfColumn) * 31 + fieldCount;
  }

  private static String quoted(java.util.Collection<String> names) {
    return String.join(", ", names.stream().map(n -> "'" + n + "'").toList());
  }
}
