package org.offstats.audit;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** The differences a check found, each a subject, the problem and optional detail lines. */
final class Findings {
  private record Finding(String subject, String problem, List<String> details) {}

  private final List<Finding> differences = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  void difference(String subject, String problem) {
    differences.add(new Finding(subject, problem, List.of()));
  }

  void difference(String subject, String problem, List<String> details) {
    differences.add(new Finding(subject, problem, List.copyOf(details)));
  }

  void note(String note) {
    notes.add(note);
  }

  int count() {
    return differences.size();
  }

  boolean isEmpty() {
    return differences.isEmpty();
  }

  void print(PrintWriter out) {
    for (String note : notes) {
      out.println("  note: " + note);
    }
    if (differences.isEmpty()) {
      return;
    }
    out.println("Differences (" + differences.size() + "):");
    for (Finding finding : differences) {
      out.println("  - " + finding.subject() + ": " + finding.problem());
      for (String detail : finding.details()) {
        out.println("      " + detail);
      }
    }
  }
}
