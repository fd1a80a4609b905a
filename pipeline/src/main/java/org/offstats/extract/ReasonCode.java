package org.offstats.extract;

/**
 * Why a record was rejected: the closed list of EXTRACTS.md, in the order the rules are tried. A
 * record gets one reason, the first that applies.
 */
public enum ReasonCode {
  WRONG_FIELD_COUNT,
  FIELD_TOO_LONG,
  MISSING_VALUE,
  BAD_FORMAT,
  UNKNOWN_CODE,
  OUT_OF_RANGE,
  DUPLICATE_ID
}
