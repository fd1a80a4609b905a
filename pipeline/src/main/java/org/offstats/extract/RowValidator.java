package org.offstats.extract;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
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
  /**
   * The outcome of a check: a reason and message, or the accepted values in canonical order with
   * their dates as read (null for a column that is not a date or is empty), and the latest date as
   * an epoch day.
   */
  public record Result(ReasonCode reason, String message, String[] values, LocalDate[] dates, long latestDate) {
    public boolean rejected() {
      return reason != null;
    }

    public static Result reject(ReasonCode reason, String message) {
      return new Result(reason, message, null, null, Long.MIN_VALUE);
    }
  }

  private final CsvContract contract;
  private final ReferenceData reference;
  private final long fieldLimitBytes;
  private transient Pattern[] patterns;
  /** The contract's columns, in canonical order. */
  private transient Column[] columnArray;
  /** Each thread's matchers for {@link #patterns}, reset per value: a new matcher per row cost more than matching. */
  private transient ThreadLocal<Matcher[]> matchers;
  /** Per date column with a reference bound, the bound by its via column's code; null for other columns. */
  private transient Map<String, LocalDate>[] referenceBounds;
  private transient LocalDate[] minDates;
  /** Per column, the index of its requiredWith, notBefore and notBeforeReference.via columns, or -1. */
  private transient int[] requiredWithIndex;
  private transient int[] notBeforeIndex;
  private transient int[] viaIndex;
  /** Per enum column, each allowed value to the schema's own copy of it; null for other columns. */
  private transient Map<String, String>[] allowedValues;
  /** Per code column, each value of the reference column it names to the reference's own copy of it. */
  private transient Map<String, String>[] knownCodes;

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

  /**
   * Checks one record's fields, in the file's order. The accepted values may be {@code fields}
   * itself, with values replaced by the schema's or reference data's copies of the same characters.
   */
  public Result check(HeaderMap header, String[] fields) {
    prepare();
    if (fields.length != header.fieldCount()) {
      return Result.reject(
          ReasonCode.WRONG_FIELD_COUNT,
          "the record has " + fields.length + " fields; the header has " + header.fieldCount());
    }
    for (int i = 0; i < fields.length; i++) {
      // a UTF-16 unit is at most 3 bytes of UTF-8 (a pair of them 4): most fields cannot be over
      if (3L * fields[i].length() <= fieldLimitBytes) {
        continue;
      }
      long bytes = utf8Length(fields[i]);
      if (bytes > fieldLimitBytes) {
        return Result.reject(
            ReasonCode.FIELD_TOO_LONG,
            "field " + (i + 1) + " is " + bytes + " bytes, over the limit of " + fieldLimitBytes);
      }
    }
    String[] values = header.canonical(fields);
    Column[] columns = columnArray; // an array: an iterator per loop per record was garbage the JIT did not remove
    for (Column column : columns) {
      if (isEmpty(values[column.index()]) && isRequired(column, values)) {
        return Result.reject(ReasonCode.MISSING_VALUE, column.name() + " is required" + requiredWhy(column));
      }
    }
    // each date is parsed once, by the format rule, for the range rules
    LocalDate[] dates = new LocalDate[columns.length];
    for (Column column : columns) {
      Optional<String> problem = formatProblem(column, values, dates);
      if (problem.isPresent()) {
        return Result.reject(ReasonCode.BAD_FORMAT, column.name() + " " + problem.get());
      }
    }
    if (reference != null) {
      for (Column column : columns) {
        String value = values[column.index()];
        if (column.reference() == null || isEmpty(value)) {
          continue;
        }
        String known = knownCodes[column.index()].get(value);
        if (known == null) {
          return Result.reject(
              ReasonCode.UNKNOWN_CODE,
              column.name() + " is not a " + column.reference() + " in the reference data");
        }
        values[column.index()] = known; // the same characters: the reference's copy compares faster
      }
    }
    long latestDate = Long.MIN_VALUE;
    for (Column column : columns) {
      if (!column.isDate() || isEmpty(values[column.index()])) {
        continue;
      }
      LocalDate date = dates[column.index()];
      Optional<String> problem = rangeProblem(column, date, values, dates);
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
    return new Result(null, null, values, dates, latestDate);
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
    return column.requiredWith() != null && !isEmpty(values[requiredWithIndex[column.index()]]);
  }

  private static String requiredWhy(Column column) {
    return column.required() ? "" : " when " + column.requiredWith() + " is given";
  }

  private Optional<String> formatProblem(Column column, String[] values, LocalDate[] dates) {
    String value = values[column.index()];
    if (isEmpty(value)) {
      return Optional.empty();
    }
    if (column.requiredWith() != null && isEmpty(values[requiredWithIndex[column.index()]])) {
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
        LocalDate date = parseDate(value);
        if (date == null) {
          return Optional.of("'" + value + "' is not a calendar date in the form YYYY-MM-DD");
        }
        dates[column.index()] = date;
        break;
      case Column.FLAG:
        if (!value.equals("Y") && !value.equals("N")) {
          return Optional.of("'" + value + "' is not a flag: Y or N");
        }
        break;
      case Column.ENUM:
        String allowed = allowedValues[column.index()].get(value);
        if (allowed == null) {
          return Optional.of("'" + value + "' is not one of " + String.join(" ", column.allowed()));
        }
        values[column.index()] = allowed; // the schema's copy, as for codes
        break;
      default:
        break;
    }
    Pattern pattern = patterns[column.index()];
    if (pattern != null && !matchers.get()[column.index()].reset(value).matches()) {
      return Optional.of("'" + value + "' does not match " + column.pattern());
    }
    return Optional.empty();
  }

  private Optional<String> rangeProblem(Column column, LocalDate date, String[] values, LocalDate[] dates) {
    LocalDate min = minDates[column.index()];
    if (min != null && date.isBefore(min)) {
      return Optional.of(date + " is before " + min);
    }
    if (column.notBefore() != null) {
      int otherIndex = notBeforeIndex[column.index()];
      String other = values[otherIndex];
      if (!isEmpty(other) && date.isBefore(dates[otherIndex] != null ? dates[otherIndex] : parseDate(other))) {
        return Optional.of(date + " is before " + column.notBefore() + " " + other);
      }
    }
    Column.ReferenceBound bound = column.notBeforeReference();
    if (bound != null && reference != null) {
      LocalDate earliest = referenceBounds[column.index()].get(values[viaIndex[column.index()]]);
      if (earliest != null && date.isBefore(earliest)) {
        return Optional.of(
            date + " is before the " + bound.column() + " date " + earliest + " of its " + bound.via());
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
    int[] requiredWith = new int[columns.size()];
    int[] notBefore = new int[columns.size()];
    int[] via = new int[columns.size()];
    @SuppressWarnings("unchecked")
    Map<String, String>[] allowed = new Map[columns.size()];
    @SuppressWarnings("unchecked")
    Map<String, String>[] codes = new Map[columns.size()];
    @SuppressWarnings("unchecked")
    Map<String, LocalDate>[] bounds = new Map[columns.size()];
    for (Column column : columns) {
      compiled[column.index()] = column.pattern() == null ? null : Pattern.compile(column.pattern());
      mins[column.index()] = column.minDate() == null ? null : LocalDate.parse(column.minDate());
      requiredWith[column.index()] = indexOf(column.requiredWith());
      notBefore[column.index()] = indexOf(column.notBefore());
      via[column.index()] = column.notBeforeReference() == null ? -1 : indexOf(column.notBeforeReference().via());
      if (column.reference() != null && reference != null) {
        codes[column.index()] = reference.knownValues(column.reference());
      }
      if (column.notBeforeReference() != null && reference != null) {
        bounds[column.index()] = reference.dateBounds(column.notBeforeReference().reference(), column.notBeforeReference().column());
      }
      if (column.kind().equals(Column.ENUM)) {
        Map<String, String> copies = new HashMap<>();
        column.allowed().forEach(value -> copies.put(value, value));
        allowed[column.index()] = copies;
      }
    }
    minDates = mins;
    requiredWithIndex = requiredWith;
    notBeforeIndex = notBefore;
    viaIndex = via;
    allowedValues = allowed;
    knownCodes = codes;
    referenceBounds = bounds;
    columnArray = columns.toArray(new Column[0]);
    matchers = ThreadLocal.withInitial(() -> {
      Matcher[] perColumn = new Matcher[compiled.length];
      for (int i = 0; i < compiled.length; i++) {
        perColumn[i] = compiled[i] == null ? null : compiled[i].matcher("");
      }
      return perColumn;
    });
    patterns = compiled;
  }

  private int indexOf(String columnName) {
    return columnName == null ? -1 : contract.column(columnName).index();
  }

  /**
   * An ISO {@code YYYY-MM-DD} calendar date, or null. Read digit by digit: every date of every
   * record passes here, and a regular expression with {@code Integer.parseInt} cost a tenth of a
   * run's time.
   */
  static LocalDate parseDate(String value) {
    if (value.length() != 10 || value.charAt(4) != '-' || value.charAt(7) != '-') {
      return null;
    }
    int year = digits(value, 0, 4);
    int month = digits(value, 5, 7);
    int day = digits(value, 8, 10);
    if (year < 0 || month < 0 || day < 0) {
      return null;
    }
    try {
      return LocalDate.of(year, month, day);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** The number written by the ASCII digits {@code value[from, to)}, or -1 if any is not one. */
  private static int digits(String value, int from, int to) {
    int number = 0;
    for (int i = from; i < to; i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      number = number * 10 + (c - '0');
    }
    return number;
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
