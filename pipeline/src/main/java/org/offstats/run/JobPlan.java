package org.offstats.run;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Optional;
import org.offstats.extract.InputScan;
import org.offstats.figures.FigureDefinitions;

/**
 * Everything {@link OffstatsJob#build} wires from: the scanned inputs, the headline definitions,
 * the as-at date if given, the day the run started, the field and record size limits and the temporary run
 * folder the sinks write into.
 */
public record JobPlan(
    InputScan inputs,
    FigureDefinitions figures,
    Optional<LocalDate> givenAsAt,
    LocalDate runDay,
    long fieldLimitBytes,
    long recordLimitBytes,
    String runRoot)
    implements Serializable {}
