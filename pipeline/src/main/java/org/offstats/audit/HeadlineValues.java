package org.offstats.audit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.offstats.run.RunLayout;

/**
 * A run's headline figures as {@code restricted/headlines.parquet} holds them: per figure its
 * unit, exact value, published value and statement.
 */
public record HeadlineValues(Map<String, Figure> figures) {
  public static final String TABLE = "headlines";

  /** One figure's row; {@code value} is the exact value (restricted), null when not computable. */
  public record Figure(String id, String unit, Double value, Double publishedValue, String statement) {}

  public static HeadlineValues read(Path runDir) throws ParquetTables.UnreadableException {
    return of(ParquetTables.read(new RunLayout(runDir).restrictedTable(TABLE)));
  }

  static HeadlineValues of(ParquetTables.Table table) {
    Map<String, Figure> figures = new LinkedHashMap<>();
    for (List<Object> row : table.rows()) {
      String id = text(cell(table, row, "figure_id"));
      figures.put(id, new Figure(id, text(cell(table, row, "unit")), number(cell(table, row, "value")),
          number(cell(table, row, "published_value")), text(cell(table, row, "statement"))));
    }
    return new HeadlineValues(figures);
  }

  public Optional<Figure> figure(String id) {
    return Optional.ofNullable(figures.get(id));
  }

  /** Figures whose exact or published value differs from {@code other}'s, one line each. */
  List<String> differencesFrom(HeadlineValues other, String label, String otherLabel) {
    List<String> differences = new ArrayList<>();
    for (Figure figure : figures.values()) {
      Figure that = other.figures.get(figure.id());
      if (that == null) {
        differences.add(figure.id() + ": " + label + " only");
        continue;
      }
      if (!Objects.equals(figure.value(), that.value())) {
        differences.add(figure.id() + ": exact value " + Values.show(figure.value()) + " " + label + ", "
            + Values.show(that.value()) + " " + otherLabel);
      }
      if (!Objects.equals(figure.publishedValue(), that.publishedValue())) {
        differences.add(figure.id() + ": published value " + Values.show(figure.publishedValue()) + " " + label + ", "
            + Values.show(that.publishedValue()) + " " + otherLabel);
      }
    }
    other.figures.keySet().stream().filter(id -> !figures.containsKey(id)).forEach(id -> differences.add(id + ": " + otherLabel + " only"));
    return differences;
  }

  private static Object cell(ParquetTables.Table table, List<Object> row, String column) {
    int index = table.column(column);
    return index < 0 ? null : row.get(index);
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }

  private static Double number(Object value) {
    return value instanceof Number n ? n.doubleValue() : null;
  }

  static String restrictedPath() {
    return RunLayout.RESTRICTED + "/" + TABLE + ".parquet";
  }
}
