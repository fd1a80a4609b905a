package org.offstats.tables;

import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecordBase;

/** Builds a table row from a cell key: the key columns come first in every table schema. */
public final class TableRows {
  private TableRows() {}

  public static <R extends SpecificRecordBase> R withKeys(R row, List<String> key) {
    List<Schema.Field> fields = row.getSchema().getFields();
    for (int i = 0; i < key.size(); i++) {
      Schema.Type type = fields.get(i).schema().getType();
      row.put(i, type == Schema.Type.BOOLEAN ? Boolean.valueOf(key.get(i)) : key.get(i));
    }
    return row;
  }
}
