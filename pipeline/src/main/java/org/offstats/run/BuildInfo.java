package org.offstats.run;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The tool's version and git commit, baked into the jar at build time. */
public record BuildInfo(String version, String gitCommit) {
  private static final String RESOURCE = "/offstats-build.properties";

  public static BuildInfo current() {
    Properties properties = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      throw new IllegalStateException("unreadable " + RESOURCE, e);
    }
    String commit = clean(properties.getProperty("git.commit"));
    // a jar built from uncommitted changes cannot be traced to its source: say so
    boolean dirty = "true".equals(properties.getProperty("git.dirty"));
    return new BuildInfo(clean(properties.getProperty("version")), dirty ? commit + "-dirty" : commit);
  }

  /** An unfiltered placeholder (a build without git, say) reads as "unknown". */
  private static String clean(String value) {
    return value == null || value.isBlank() || value.startsWith("${") ? "unknown" : value;
  }
}
