package org.offstats.extract;

/**
 * Why a record was rejected: the closed list of EXTRACTS.md, in the order the rules are tried. A
 * record gets one reason, the first that applies. {@code RECORD_TOO_LONG} comes first: such a
 * record is not read whole, so no other rule can be tried on it.
 */
public enum ReasonCode {
  RECORD_TOO_LONG,
  WRONG_FIELD_COUNT,
  FIELD_TOO_LONG,
  MISSING_VALUE,
  BAD_FORMAT,
  UNKNOWN_CODE,
  OUT_OF_RANGE,
  DUPLICATE_ID
}
