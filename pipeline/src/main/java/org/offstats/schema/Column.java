package org.offstats.schema;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One column of a CSV input and its validation rules, read from the {@code offstats.*} properties
 * of a field in {@code schemas/} (see {@code schemas/README.md} for the property vocabulary).
 *
 * @param name the exact header name
 * @param index position in the schema (canonical column order)
 * @param kind what the value is: identifier, date, flag, code, enum, integer or string
 * @param required whether an empty value is {@code MISSING_VALUE}
 * @param requiredWith another column: this one is required when that one is given, and must be
 *     empty otherwise
 * @param ifEmpty the value an empty optional field stands for ({@code U}, {@code NS}), or null
 * @param minLength,maxLength identifier length bounds, or 0
 * @param pattern a regular expression the raw value must match, or null
 * @param allowed the closed list of values of an enum column (empty for other kinds)
 * @param groups for grouped enums (ethnicity), group name to its codes, in publication order
 * @param reference {@code file.column} whose values this code must be one of, or null
 * @param minDate earliest allowed date (ISO), or null
 * @param maxIsAsAt whether the date must be on or before the run's as-at date
 * @param notBefore another date column this date may not precede, or null
 * @param notBeforeReference a reference date this date may not precede, or null
 * @param header the exact name in the CSV header ({@code offstats.header}; by default the name)
 */
public record Column(
    String name,
    int index,
    String kind,
    boolean required,
    String requiredWith,
    String ifEmpty,
    int minLength,
    int maxLength,
    String pattern,
    List<String> allowed,
    Map<String, List<String>> groups,
    String reference,
    String minDate,
    boolean maxIsAsAt,
    String notBefore,
    ReferenceBound notBeforeReference,
    String header)
    implements Serializable {

  /** Kinds of value a column may hold; the schema's {@code offstats.kind}. */
  public static final String IDENTIFIER = "identifier";

  public static final String DATE = "date";
  public static final String FLAG = "flag";
  public static final String CODE = "code";
  public static final String ENUM = "enum";
  public static final String INTEGER = "integer";
  public static final String STRING = "string";

  /**
   * A date bound looked up in reference data: the value of {@code column} in the {@code reference}
   * row whose key is this record's {@code via} column (a unit's {@code established} date).
   */
  public record ReferenceBound(String via, String reference, String column) implements Serializable {}

  public boolean isDate() {
    return DATE.equals(kind);
  }

  public Optional<String> referenceFile() {
    return reference == null ? Optional.empty() : Optional.of(reference.substring(0, reference.indexOf('.')));
  }

  public Optional<String> referenceColumn() {
    return reference == null ? Optional.empty() : Optional.of(reference.substring(reference.indexOf('.') + 1));
  }
}
