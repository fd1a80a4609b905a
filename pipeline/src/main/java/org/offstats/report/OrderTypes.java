package org.offstats.report;

import java.util.Map;

/** The names of the protection order and notice types of EXTRACTS.md (REFERENCE.md section 5). */
final class OrderTypes {
  private static final Map<String, String> NAMES = Map.of(
      "DVPN", "Domestic Violence Protection Notice",
      "DVPO", "Domestic Violence Protection Order",
      "DAPN", "Domestic Abuse Protection Notice",
      "DAPO", "Domestic Abuse Protection Order",
      "SPO", "Stalking Protection Order",
      "SHPO", "Sexual Harm Prevention Order",
      "SRO", "Sexual Risk Order",
      "NMO", "Non-molestation order");

  private OrderTypes() {}

  /** The type's name, or the code itself for a type this list does not know. */
  static String name(String code) {
    return NAMES.getOrDefault(code, code);
  }
}
