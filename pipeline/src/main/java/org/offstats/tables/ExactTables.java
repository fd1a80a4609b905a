package org.offstats.tables;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.offstats.schema.Schemas;

/**
 * Tables' exact rows (as in {@code restricted/}), travelling as one element from the step that
 * builds them to the steps that use them: the force tables to disclosure control, the police.uk
 * tables to the headline figures. Row order within a table is unspecified: every consumer sorts.
 */
public final class ExactTables {
  private final Map<String, List<SpecificRecordBase>> rows;

  public ExactTables(Map<String, List<SpecificRecordBase>> rows) {
    this.rows = rows;
  }

  /**
   * The rows by table. Equality and hash code are the object's own (not a record's, computed over
   * every row): runners hash elements as they pass, and this one holds every force table.
   */
  public Map<String, List<SpecificRecordBase>> rows() {
    return rows;
  }

  public List<SpecificRecordBase> table(String table) {
    return rows.getOrDefault(table, List.of());
  }

  /** Coder: the tables in their order, each row with its table's Avro coder (the class generated from its schema). */
  public static final class Coder extends AtomicCoder<ExactTables> {
    private static final Coder INSTANCE = new Coder();
    private static final Map<String, AvroCoder<SpecificRecordBase>> ROWS = new ConcurrentHashMap<>();

    public static Coder of() {
      return INSTANCE;
    }

    private static AvroCoder<SpecificRecordBase> rowCoder(String table) {
      return ROWS.computeIfAbsent(table, t -> {
        @SuppressWarnings("unchecked")
        Class<SpecificRecordBase> rowClass = (Class<SpecificRecordBase>) SpecificData.get().getClass(Schemas.table(t).schema());
        return AvroCoder.of(rowClass);
      });
    }

    @Override
    public void encode(ExactTables tables, OutputStream out) throws IOException {
      VarIntCoder.of().encode(tables.rows().size(), out);
      for (Map.Entry<String, List<SpecificRecordBase>> table : tables.rows().entrySet()) {
        StringUtf8Coder.of().encode(table.getKey(), out);
        VarIntCoder.of().encode(table.getValue().size(), out);
        AvroCoder<SpecificRecordBase> coder = rowCoder(table.getKey());
        for (SpecificRecordBase row : table.getValue()) {
          coder.encode(row, out);
        }
      }
    }

    @Override
    public ExactTables decode(InputStream in) throws IOException {
      int tables = VarIntCoder.of().decode(in);
      Map<String, List<SpecificRecordBase>> rows = new LinkedHashMap<>();
      for (int t = 0; t < tables; t++) {
        String table = StringUtf8Coder.of().decode(in);
        int count = VarIntCoder.of().decode(in);
        AvroCoder<SpecificRecordBase> coder = rowCoder(table);
        List<SpecificRecordBase> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
          list.add(coder.decode(in));
        }
        rows.put(table, list);
      }
      return new ExactTables(rows);
    }
  }
}
