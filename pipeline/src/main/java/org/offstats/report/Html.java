package org.offstats.report;

/**
 * Writes an HTML document element by element. Every text and attribute value goes through {@link
 * #escape}; only {@link #raw} inserts markup as it is, for the charts' SVG, which the report makes
 * itself.
 */
final class Html {
  private final StringBuilder out = new StringBuilder(1 << 16);

  /** Text made safe for element content and for attribute values in double quotes. */
  static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> escaped.append("&amp;");
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }

  /** An opening tag; {@code attributes} alternate name and value, and a null value leaves the pair out. */
  Html open(String tag, String... attributes) {
    out.append('<').append(tag);
    for (int i = 0; i + 1 < attributes.length; i += 2) {
      if (attributes[i + 1] != null) {
        out.append(' ').append(attributes[i]).append("=\"").append(escape(attributes[i + 1])).append('"');
      }
    }
    out.append('>');
    return this;
  }

  Html close(String tag) {
    out.append("</").append(tag).append(">\n");
    return this;
  }

  /** An element holding only text. */
  Html element(String tag, String text, String... attributes) {
    open(tag, attributes);
    text(text);
    out.append("</").append(tag).append('>');
    if (!isInline(tag)) {
      out.append('\n');
    }
    return this;
  }

  Html text(String text) {
    out.append(escape(text));
    return this;
  }

  /** Markup the report made itself (a chart's SVG); never data. */
  Html raw(String markup) {
    out.append(markup);
    return this;
  }

  Html newline() {
    out.append('\n');
    return this;
  }

  @Override
  public String toString() {
    return out.toString();
  }

  private static boolean isInline(String tag) {
    return switch (tag) {
      case "a", "code", "span", "strong", "em", "time", "abbr" -> true;
      default -> false;
    };
  }
}
