package org.offstats.extract;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.offstats.schema.Column;
import org.offstats.schema.CsvContract;

/**
 * Checks one record against its contract in {@code schemas/}, applying EXTRACTS.md's rules in the
 * order of {@link ReasonCode}: the first reason that applies to any column is the record's only
 * reason. Values are taken verbatim: nothing is trimmed or case-folded.
 *
 * <p>Two rules need more than the record: the as-at bound (the as-at date may itself come from the
 * data, so it is applied afterwards by {@link #checkAsAt}) and duplicate keys (decided across the
 * whole extract). Plain Java, no Beam: unit-tested on its own.
 */
public final class RowValidator implements Serializable {
  private static final Pattern ISO_DATE = Pattern.compile("^[0-9]{4}-[0-9]{2}-[0-9]{2}$");

  /** The outcome of a check: a reason and message, or the accepted values in canonical order. */
  public record Result(ReasonCode reason, String message, String[] values, long latestDate) {
    public boolean rejected() {
      return reason != null;
    }

    public static Result reject(ReasonCode reason, String message) {
      return new Result(reason, message, null, Long.MIN_VALUE);
    }
  }

  private final CsvContract contract;
  private final ReferenceData reference;
  private final long fieldLimitBytes;
  private transient Pattern[] patterns;
  private transient LocalDate[] minDates;

  private RowValidator(CsvContract contract, ReferenceData reference, long fieldLimitBytes) {
    this.contract = contract;
    this.reference = reference;
    this.fieldLimitBytes = fieldLimitBytes;
  }

  public static RowValidator forExtract(CsvContract contract, ReferenceData reference, long fieldLimitBytes) {
    return new RowValidator(contract, reference, fieldLimitBytes);
  }

  /** Reference files are checked for format only: they are what codes are checked against. */
  static RowValidator forReference(CsvContract contract) {
    return new RowValidator(contract, null, Long.MAX_VALUE);
  }

  public CsvContract contract() {
    return contract;
  }

  public Result check(HeaderMap header, String[] fields) {
    prepare();
    if (fields.length != header.fieldCount()) {
      return Result.reject(
          ReasonCode.WRONG_FIELD_COUNT,
          "the record has " + fields.length + " fields; the header has " + header.fieldCount());
    }
    for (int i = 0; i < fields.length; i++) {
      long bytes = utf8Length(fields[i]);
      if (bytes > fieldLimitBytes) {
        return Result.reject(
            ReasonCode.FIELD_TOO_LONG,
            "field " + (i + 1) + " is " + bytes + " bytes, over the limit of " + fieldLimitBytes);
      }
    }
    String[] values = header.canonical(fields);
    List<Column> columns = contract.columns();
    for (Column column : columns) {
      if (isEmpty(values[column.index()]) && isRequired(column, values)) {
        return Result.reject(ReasonCode.MISSING_VALUE, column.name() + " is required" + requiredWhy(column));
      }
    }
    for (Column column : columns) {
      Optional<String> problem = formatProblem(column, values);
      if (problem.isPresent()) {
        return Result.reject(ReasonCode.BAD_FORMAT, column.name() + " " + problem.get());
      }
    }
    if (reference != null) {
      for (Column column : columns) {
        String value = values[column.index()];
        if (column.reference() != null && !isEmpty(value) && !reference.values(column.reference()).contains(value)) {
          return Result.reject(
              ReasonCode.UNKNOWN_CODE,
              column.name() + " is not a " + column.reference() + " in the reference data");
        }
      }
    }
    long latestDate = Long.MIN_VALUE;
    for (Column column : columns) {
      if (!column.isDate() || isEmpty(values[column.index()])) {
        continue;
      }
      LocalDate date = parseDate(values[column.index()]);
      Optional<String> problem = rangeProblem(column, date, values);
      if (problem.isPresent()) {
        return Result.reject(ReasonCode.OUT_OF_RANGE, column.name() + " " + problem.get());
      }
      if (column.maxIsAsAt()) {
        latestDate = Math.max(latestDate, date.toEpochDay());
      }
    }
    for (Column column : columns) {
      if (column.ifEmpty() != null && isEmpty(values[column.index()])) {
        values[column.index()] = column.ifEmpty();
      }
    }
    return new Result(null, null, values, latestDate);
  }

  /**
   * The as-at rule, applied once the as-at date is known: every date bounded by as-at must be on or
   * before it. Returns the message for an {@code OUT_OF_RANGE} reject, or empty.
   */
  public Optional<String> checkAsAt(String[] values, LocalDate asAt) {
    for (Column column : contract.columns()) {
      String value = values[column.index()];
      if (column.maxIsAsAt() && !isEmpty(value) && parseDate(value).isAfter(asAt)) {
        // the bound's date is left out: without --as-at it is the run day, and the message must
        // be the same whichever day the run is repeated (the as-at date used is in the manifest)
        return Optional.of(column.name() + " " + value + " is after the as-at date");
      }
    }
    return Optional.empty();
  }

  private boolean isRequired(Column column, String[] values) {
    if (column.required()) {
      return true;
    }
    return column.requiredWith() != null
        && !isEmpty(values[contract.column(column.requiredWith()).index()]);
  }

  private static String requiredWhy(Column column) {
    return column.required() ? "" : " when " + column.requiredWith() + " is given";
  }

  private Optional<String> formatProblem(Column column, String[] values) {
    String value = values[column.index()];
    if (isEmpty(value)) {
      return Optional.empty();
    }
    if (column.requiredWith() != null && isEmpty(values[contract.column(column.requiredWith()).index()])) {
      return Optional.of("must be empty when " + column.requiredWith() + " is empty");
    }
    switch (column.kind()) {
      case Column.IDENTIFIER:
        // characters are code points: a character beyond the Basic Multilingual Plane counts once
        int characters = value.codePointCount(0, value.length());
        if (characters < column.minLength() || characters > column.maxLength()) {
          return Optional.of(
              "must be " + column.minLength() + " to " + column.maxLength() + " characters long (it has "
                  + characters + ")");
        }
        break;
      case Column.DATE:
        if (parseDate(value) == null) {
          return Optional.of("'" + value + "' is not a calendar date in the form YYYY-MM-DD");
        }
        break;
      case Column.FLAG:
        if (!value.equals("Y") && !value.equals("N")) {
          return Optional.of("'" + value + "' is not a flag: Y or N");
        }
        break;
      case Column.ENUM:
        if (!column.allowed().contains(value)) {
          return Optional.of("'" + value + "' is not one of " + String.join(" ", column.allowed()));
        }
        break;
      default:
        break;
    }
    Pattern pattern = patterns[column.index()];
    if (pattern != null && !pattern.matcher(value).matches()) {
      return Optional.of("'" + value + "' does not match " + column.pattern());
    }
    return Optional.empty();
  }

  private Optional<String> rangeProblem(Column column, LocalDate date, String[] values) {
    LocalDate min = minDates[column.index()];
    if (min != null && date.isBefore(min)) {
      return Optional.of(date + " is before " + min);
    }
    if (column.notBefore() != null) {
      String other = values[contract.column(column.notBefore()).index()];
      if (!isEmpty(other) && date.isBefore(parseDate(other))) {
        return Optional.of(date + " is before " + column.notBefore() + " " + other);
      }
    }
    Column.ReferenceBound bound = column.notBeforeReference();
    if (bound != null && reference != null) {
      String via = values[contract.column(bound.via()).index()];
      Optional<LocalDate> earliest = reference.dateBound(bound.reference(), via, bound.column());
      if (earliest.isPresent() && date.isBefore(earliest.get())) {
        return Optional.of(
            date + " is before the " + bound.column() + " date " + earliest.get() + " of its " + bound.via());
      }
    }
    return Optional.empty();
  }

  private void prepare() {
    if (patterns != null) {
      return;
    }
    List<Column> columns = contract.columns();
    Pattern[] compiled = new Pattern[columns.size()];
    LocalDate[] mins = new LocalDate[columns.size()];
    for (Column column : columns) {
      compiled[column.index()] = column.pattern() == null ? null : Pattern.compile(column.pattern());
      mins[column.index()] = column.minDate() == null ? null : LocalDate.parse(column.minDate());
    }
    minDates = mins;
    patterns = compiled;
  }

  /** An ISO {@code YYYY-MM-DD} calendar date, or null; cheaper than {@code LocalDate.parse}. */
  static LocalDate parseDate(String value) {
    if (value.length() != 10 || value.charAt(4) != '-' || value.charAt(7) != '-' || !ISO_DATE.matcher(value).matches()) {
      return null;
    }
    try {
      return LocalDate.of(
          Integer.parseInt(value.substring(0, 4)),
          Integer.parseInt(value.substring(5, 7)),
          Integer.parseInt(value.substring(8, 10)));
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static boolean isEmpty(String value) {
    return value == null || value.isEmpty();
  }

  /** UTF-8 length without encoding: the limit is in bytes, and most fields are short. */
  static long utf8Length(String value) {
    long bytes = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }
}
