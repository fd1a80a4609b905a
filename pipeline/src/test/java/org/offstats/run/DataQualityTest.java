package org.offstats.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.offstats.schema.extract.Arrest;
import org.offstats.schema.extract.ProtectionOrderEvent;
import org.offstats.tables.ArrestsByDemographicsTable;

/** The data quality facts of single records, and the shares of the manifest, worked by hand. */
class DataQualityTest {
  private static Arrest arrest(LocalDate date, String sex, String ageBand, String ethnicity) {
    Arrest arrest = new Arrest();
    arrest.setArrestDate(date);
    arrest.setSex(sex);
    arrest.setAgeBand(ageBand);
    arrest.setEthnicity(ethnicity);
    return arrest;
  }

  @Test
  void arrestsCountByTheFinancialYearOfTheArrestDate() {
    Map<String, String> groups = ArrestsByDemographicsTable.ethnicityGroups();
    Map<String, Long> counts = new TreeMap<>();
    DataQuality.arrest(arrest(LocalDate.of(2025, 3, 31), "U", "U", "NS"), groups, counts);
    DataQuality.arrest(arrest(LocalDate.of(2025, 4, 1), "F", "U", "W1"), groups, counts);
    DataQuality.arrest(arrest(LocalDate.of(2025, 4, 2), "X", "18-20", "O1"), groups, counts);
    assertThat(counts).containsExactlyEntriesOf(new TreeMap<>(Map.of(
        "quality\tarrests\t2024-25\taccepted", 1L,
        "quality\tarrests\t2024-25\tethnicity_not_stated", 1L,
        "quality\tarrests\t2024-25\tsex_unknown", 1L,
        "quality\tarrests\t2024-25\tage_band_unknown", 1L,
        "quality\tarrests\t2025-26\taccepted", 2L,
        "quality\tarrests\t2025-26\tage_band_unknown", 1L)));
  }

  @Test
  void protectionOrdersCountOnlyAcceptedEvents() {
    ProtectionOrderEvent event = new ProtectionOrderEvent();
    event.setEventDate(LocalDate.of(2021, 1, 15));
    Map<String, Long> counts = new TreeMap<>();
    DataQuality.order(event, counts);
    assertThat(counts).containsExactly(Map.entry("quality\tprotection_orders\t2020-21\taccepted", 1L));
    assertThat(DataQuality.measures("protection_orders")).isEmpty();
  }

  @Test
  void sharesHaveFourDecimalPlacesRoundedHalfUp() {
    assertThat(Manifest.share(1, 3)).isEqualTo(new BigDecimal("0.3333"));
    assertThat(Manifest.share(2, 3)).isEqualTo(new BigDecimal("0.6667"));
    assertThat(Manifest.share(1, 80_000)).isEqualTo(new BigDecimal("0.0000"));
    assertThat(Manifest.share(1, 20_000)).isEqualTo(new BigDecimal("0.0001"));
    assertThat(Manifest.share(7, 7)).isEqualTo(new BigDecimal("1.0000"));
  }
}
