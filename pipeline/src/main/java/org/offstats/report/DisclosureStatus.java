package org.offstats.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.OptionalInt;
import org.offstats.audit.RunManifest;

/**
 * What the report says near its top about disclosure control (README "Disclosure control"): from
 * the shape of the published tables (a {@code _suppressed} companion per measure) and the policy
 * the manifest's {@code disclosure.policy} records. Primary suppression alone withholds small counts
 * but not the totals they add up to, so while secondary suppression is off the page says that a
 * withheld count may be recoverable and the tables must be checked before publication.
 *
 * @param controlled whether the published tables have the shape disclosure control gives them
 * @param policy the manifest's {@code disclosure.policy}, a missing node when the manifest has none
 */
record DisclosureStatus(boolean controlled, JsonNode policy) {
  static final String POLICY_FIELD = "policy";

  /** A statement for the top of the page; a warning when the tables need checking before publication. */
  record Banner(String text, boolean warning) {}

  static DisclosureStatus of(RunManifest manifest, List<PublishedTable> tables) {
    JsonNode disclosure = manifest.json().path("disclosure");
    return new DisclosureStatus(tables.stream().anyMatch(PublishedTable::hasSuppressionColumns), disclosure.path(POLICY_FIELD));
  }

  boolean recorded() {
    return policy.isObject();
  }

  boolean secondarySuppression() {
    return policy.path("secondary_suppression").asBoolean(false);
  }

  Banner banner() {
    if (!controlled) {
      return new Banner("Disclosure control has not been applied to these tables: small counts are shown as they are."
          + " Do not publish this report as it is.", true);
    }
    if (!recorded()) {
      return new Banner("Values withheld by disclosure control show as " + PublishedTable.SUPPRESSED + ", but the run's manifest"
          + " does not record the disclosure policy: check the tables before publication.", true);
    }
    String withheld = withheldSentence() + rounding();
    if (!secondarySuppression()) {
      return new Banner(withheld + " Secondary suppression is off, so a withheld count may in places be recoverable from"
          + " published totals (by subtracting the other cells of a total from it): check the tables before publication.",
          true);
    }
    return new Banner(withheld + " Secondary suppression is on: further cells are withheld so that none can be worked out"
        + " from published totals.", false);
  }

  /** "Counts from 1 to 9 are withheld ([c]) ...", from the threshold and whether zeros count as small. */
  private String withheldSentence() {
    int threshold = policy.path("threshold").asInt(0);
    int smallest = policy.path("suppress_zeros").asBoolean(false) ? 0 : 1;
    if (threshold - 1 < smallest) {
      return "No count is withheld for being small (the policy's threshold is " + threshold + ").";
    }
    String range = threshold - 1 == smallest ? "A count of " + smallest + " is" : "Counts from " + smallest + " to " + (threshold - 1) + " are";
    return range + " withheld and shown as " + PublishedTable.SUPPRESSED + ", and so is every rate or quantile computed from"
        + " a withheld count.";
  }

  private String rounding() {
    OptionalInt base = policy.path("rounding_base").isInt() ? OptionalInt.of(policy.path("rounding_base").asInt()) : OptionalInt.empty();
    return base.isEmpty() ? "" : " Other counts are rounded to the nearest multiple of " + base.getAsInt()
        + ", and rates computed from the rounded counts.";
  }
}
