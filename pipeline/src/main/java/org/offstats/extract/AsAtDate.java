package org.offstats.extract;

import java.time.LocalDate;
import java.util.Optional;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Max;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;

/**
 * The run's as-at date (EXTRACTS.md "The as-at date"), as an epoch day: {@code --as-at} when
 * given; otherwise the latest date of any accepted record (all of which fall on or before the run
 * day), or the run day when there are no dated records.
 */
public final class AsAtDate {
  private AsAtDate() {}

  /**
   * @param latestDates each reader's latest accepted date (Long.MIN_VALUE when it had none)
   */
  public static PCollection<Long> of(PCollection<Long> latestDates, Optional<LocalDate> given, LocalDate runDay) {
    if (given.isPresent()) {
      return latestDates.getPipeline().apply("GivenAsAt", Create.of(given.get().toEpochDay()));
    }
    return latestDates
        .apply("LatestDate", Combine.globally(Max.ofLongs()))
        .apply("OrRunDay", ParDo.of(new OrRunDayFn(runDay.toEpochDay())));
  }

  /** With no dated records (no force extracts), the as-at date is the run day. */
  static final class OrRunDayFn extends DoFn<Long, Long> {
    private final long runDay;

    OrRunDayFn(long runDay) {
      this.runDay = runDay;
    }

    @ProcessElement
    public void processElement(@Element Long latest, OutputReceiver<Long> out) {
      out.output(latest == Long.MIN_VALUE ? runDay : latest);
    }
  }
}
