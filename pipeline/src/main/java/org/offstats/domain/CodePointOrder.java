package org.offstats.domain;

import java.util.Comparator;

/**
 * Strings ordered by Unicode code point, as OUTPUTS.md requires for table rows. {@link
 * String#compareTo} orders by UTF-16 unit, which differs for characters beyond the Basic
 * Multilingual Plane against U+E000..U+FFFF.
 */
public final class CodePointOrder {
  public static final Comparator<String> COMPARATOR = CodePointOrder::compare;

  private CodePointOrder() {}

  public static int compare(String a, String b) {
    if (a == b) {
      return 0; // table keys are mostly the reference data's and the schema's own strings
    }
    // Skip the common prefix unit by unit (cheap), then compare code points from the start of the
    // code point holding the first difference: a high surrogate just before it may pair with it.
    int shorter = Math.min(a.length(), b.length());
    int start = 0;
    while (start < shorter && a.charAt(start) == b.charAt(start)) {
      start++;
    }
    if (start > 0 && Character.isHighSurrogate(a.charAt(start - 1))) {
      start--;
    } else if (start < shorter && !Character.isSurrogate(a.charAt(start)) && !Character.isSurrogate(b.charAt(start))) {
      return Integer.compare(a.charAt(start), b.charAt(start)); // two whole code points of the BMP
    }
    int i = start;
    int j = start;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
