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
    int i = 0;
    int j = 0;
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
