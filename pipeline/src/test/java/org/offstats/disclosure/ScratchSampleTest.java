package org.offstats.disclosure;

import java.nio.file.*;
import java.util.*;
import org.apache.avro.generic.*;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.offstats.extract.ReferenceData;

@EnabledIfSystemProperty(named = "scratch", matches = ".+")
class ScratchSampleTest {
  @Test
  void measure() throws Exception {
    Path run = Path.of(System.getProperty("scratch"));
    Map<String, List<IndexedRecord>> tables = new LinkedHashMap<>();
    for (String t : List.of(System.getProperty("tables","arrests_by_offence,arrests_by_bcu,arrests_by_demographics,arrest_outcomes,outcomes_by_offence,charge_rates,time_to_outcome,protection_orders").split(","))) {
      List<IndexedRecord> rows = new ArrayList<>();
      try (ParquetReader<GenericRecord> r = AvroParquetReader.<GenericRecord>builder(HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(run.resolve("restricted/" + t + ".parquet").toString()), new Configuration())).build()) {
        GenericRecord g; while ((g = r.read()) != null) rows.add(g);
      }
      tables.put(t, rows);
    }
    Path ref = Path.of("../sample-data/reference");
    ReferenceData reference = ReferenceData.load(new ReferenceData.Opener() {
      public java.io.InputStream open(String n) throws java.io.IOException { return Files.newInputStream(ref.resolve(n + ".csv")); }
      public String describe(String n) { return n; }
    });
    long t0 = System.nanoTime();
    ForceCells cells = new ForceCells(tables);
    List<Relation> relations = AdditiveRelations.of(cells, AdditiveRelations.Hierarchy.of(reference), List.of());
    long t1 = System.nanoTime();
    Map<String,Integer> broken = new TreeMap<>();
    for (Relation r : relations) { long v = 0; for (CellId c : r.plus()) v += cells.value(c); for (CellId c : r.minus()) v -= cells.value(c);
      if (v < r.low() || v > r.high()) broken.merge(r.name(), 1, Integer::sum); }
    System.out.println("broken relations " + broken);
    DisclosurePolicy policy = DisclosurePolicy.bundled();
    Suppression s = Suppression.of(cells, relations, policy);
    long t2 = System.nanoTime();
    System.out.printf("relations %d in %d ms; suppression %d ms unproven %d%n", relations.size(), (t1-t0)/1000000, (t2-t1)/1000000, s.unproven().size());
    for (String t : tables.keySet()) System.out.printf("%s rows %d primary %d secondary %d%n", t, tables.get(t).size(), s.count(t, Suppression.Reason.PRIMARY), s.count(t, Suppression.Reason.SECONDARY));
    if (System.getProperty("audit") != null) {
      List<DisclosureAudit.Range> exposed = DisclosureAudit.exposed(cells, relations, s, policy);
      System.out.printf("audit %d ms exposed %d%n", (System.nanoTime()-t2)/1000000, exposed.size());
      exposed.stream().limit(20).forEach(System.out::println);
    }
  }
}
