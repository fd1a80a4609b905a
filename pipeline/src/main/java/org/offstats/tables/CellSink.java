package org.offstats.tables;

import java.util.List;

/** Where a record's contributions to table cells go: a cell key (key values in schema order). */
@FunctionalInterface
public interface CellSink {
  void add(List<String> cell, Contribution contribution);
}
