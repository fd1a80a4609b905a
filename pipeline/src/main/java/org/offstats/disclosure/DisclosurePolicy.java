package org.offstats.disclosure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.OptionalInt;
import java.util.Set;
import org.offstats.extract.InputException;

/**
 * The disclosure-control policy of {@code disclosure/policy.json} (one versioned file in the
 * repository, bundled in the jar; {@code offstats run --disclosure-policy FILE} uses another). Its
 * defaults follow REFERENCE.md section 7: counts under 10 are suppressed. The manifest records the
 * file's checksum and its settings, so an auditor knows which rule produced {@code publish/}.
 */
public final class DisclosurePolicy implements Serializable {
  public static final String BUNDLED = "/disclosure/policy.json";

  private static final long serialVersionUID = 1L;
  private static final int VERSION = 1;
  private static final Set<String> FIELDS = Set.of("version", "about", "threshold", "suppress_zeros", "rounding_base", "secondary_suppression");

  private final int threshold;
  private final boolean suppressZeros;
  private final Integer roundingBase;
  private final boolean secondary;
  private final String location;
  private final String sha256;

  DisclosurePolicy(int threshold, boolean suppressZeros, Integer roundingBase, boolean secondary, String location, String sha256) {
    if (threshold < 1) {
      throw new IllegalArgumentException("threshold must be 1 or more");
    }
    this.threshold = threshold;
    this.suppressZeros = suppressZeros;
    this.roundingBase = roundingBase;
    this.secondary = secondary;
    this.location = location;
    this.sha256 = sha256;
  }

  /** The policy shipped in the jar. */
  public static DisclosurePolicy bundled() {
    try (InputStream in = DisclosurePolicy.class.getResourceAsStream(BUNDLED)) {
      if (in == null) {
        throw new IllegalStateException(BUNDLED + " is missing from the jar");
      }
      return read(in.readAllBytes(), "disclosure/policy.json (bundled)");
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the bundled disclosure policy", e);
    }
  }

  /** A policy file given on the command line; a bad file is an input error (exit 2). */
  public static DisclosurePolicy load(Path file) throws IOException {
    return read(Files.readAllBytes(file), file.toString());
  }

  static DisclosurePolicy read(byte[] bytes, String location) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(bytes);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new InputException(location + ": not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new InputException(location + ": cannot be read: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw new InputException(location + ": a disclosure policy is a JSON object");
    }
    root.fieldNames().forEachRemaining(name -> {
      if (!FIELDS.contains(name)) {
        throw new InputException(location + ": unknown setting '" + name + "' (known: about, rounding_base, secondary_suppression, suppress_zeros, threshold, version)");
      }
    });
    if (root.path("version").asInt(-1) != VERSION) {
      throw new InputException(location + ": version must be " + VERSION);
    }
    JsonNode threshold = root.path("threshold");
    if (!threshold.isInt() || threshold.asInt() < 1 || threshold.asInt() > 1000) {
      throw new InputException(location + ": threshold must be a whole number from 1 to 1000");
    }
    JsonNode zeros = root.path("suppress_zeros");
    if (!zeros.isBoolean()) {
      throw new InputException(location + ": suppress_zeros must be true or false");
    }
    JsonNode base = root.path("rounding_base");
    Integer roundingBase = null;
    if (!base.isMissingNode() && !base.isNull()) {
      if (!base.isInt() || base.asInt() < 2 || base.asInt() > threshold.asInt()) {
        throw new InputException(location + ": rounding_base must be null or a whole number from 2 to the threshold");
      }
      roundingBase = base.asInt();
    }
    JsonNode secondary = root.path("secondary_suppression");
    if (!secondary.isMissingNode() && !secondary.isBoolean()) {
      throw new InputException(location + ": secondary_suppression must be true or false");
    }
    return new DisclosurePolicy(threshold.asInt(), zeros.asBoolean(), roundingBase, secondary.asBoolean(false), location, sha256(bytes));
  }

  /** Counts from 1 (0 with suppress_zeros) to threshold - 1 are suppressed. */
  public int threshold() {
    return threshold;
  }

  public boolean suppressZeros() {
    return suppressZeros;
  }

  /** Whether secondary suppression runs (see {@link Suppression}). */
  public boolean secondarySuppression() {
    return secondary;
  }

  /** The base published counts are rounded to, if any. */
  public OptionalInt roundingBase() {
    return roundingBase == null ? OptionalInt.empty() : OptionalInt.of(roundingBase);
  }

  /** Whether a count is small enough to be suppressed for its own sake. */
  public boolean isSmall(long count) {
    return count < threshold && (count > 0 || suppressZeros);
  }

  /**
   * How wide the range of values consistent with everything published must be for a suppressed
   * small count: wider than the threshold.
   */
  public long protectionWidth() {
    return threshold;
  }

  /** A published count after the policy's rounding: nearest multiple of the base, halves up. */
  public long published(long count) {
    if (roundingBase == null) {
      return count;
    }
    long base = roundingBase;
    return Math.floorDiv(count + base / 2, base) * base;
  }

  public String location() {
    return location;
  }

  public String sha256() {
    return sha256;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
