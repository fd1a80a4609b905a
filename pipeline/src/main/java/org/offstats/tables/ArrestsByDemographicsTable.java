package org.offstats.tables;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.offstats.domain.Periods;
import org.offstats.extract.ReferenceData;
import org.offstats.schema.Schemas;
import org.offstats.schema.extract.Arrest;
import org.offstats.schema.table.ArrestsByDemographics;

/**
 * {@code arrests_by_demographics} (OUTPUTS.md): arrests per financial year, offence group, sex, age
 * band and 5+1 ethnicity group. The code-to-group mapping is the one in {@code
 * schemas/extracts/arrests.avsc} (A4 Chinese under Asian; the legacy 16+1 O1 under Other).
 */
public final class ArrestsByDemographicsTable
    extends PTransform<PCollection<Arrest>, PCollection<ArrestsByDemographics>> {
  private static final String ETHNICITY_COLUMN = "ethnicity";

  private final ReferenceData reference;

  public ArrestsByDemographicsTable(ReferenceData reference) {
    this.reference = reference;
  }

  /** Self-defined ethnicity code to its 5+1 group, from the arrests schema. */
  public static Map<String, String> ethnicityGroups() {
    Map<String, String> groupOfCode = new HashMap<>();
    Schemas.extract("arrests").column(ETHNICITY_COLUMN).groups()
        .forEach((group, codes) -> codes.forEach(code -> groupOfCode.put(code, group)));
    return groupOfCode;
  }

  @Override
  public PCollection<ArrestsByDemographics> expand(PCollection<Arrest> arrests) {
    return arrests
        .apply("KeyByCell", ParDo.of(new CellFn(reference)))
        .apply("CountArrests", new AggregateCells())
        .apply("ToRows", ParDo.of(new ToRowFn()))
        .setCoder(AvroCoder.of(ArrestsByDemographics.class));
  }

  static final class CellFn extends DoFn<Arrest, KV<List<String>, Contribution>> {
    private final ReferenceData reference;
    private transient Map<String, String> groupOfCode;

    CellFn(ReferenceData reference) {
      this.reference = reference;
    }

    @Setup
    public void setup() {
      groupOfCode = ethnicityGroups();
    }

    @ProcessElement
    public void processElement(@Element Arrest arrest, OutputReceiver<KV<List<String>, Contribution>> out) {
      List<String> cell =
          List.of(
              Periods.financialYear(arrest.getArrestDate()),
              reference.offence(arrest.getOffenceCode()).getOffenceGroup(),
              arrest.getSex(),
              arrest.getAgeBand(),
              groupOfCode.get(arrest.getEthnicity()));
      out.output(KV.of(cell, Contribution.count()));
    }
  }

  static final class ToRowFn extends DoFn<KV<List<String>, CellStats>, ArrestsByDemographics> {
    @ProcessElement
    public void processElement(@Element KV<List<String>, CellStats> cell, OutputReceiver<ArrestsByDemographics> out) {
      ArrestsByDemographics row = TableRows.withKeys(new ArrestsByDemographics(), cell.getKey());
      row.setArrests(cell.getValue().count());
      out.output(row);
    }
  }
}
