package org.offstats.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The repository's Markdown files as tests read them, to hold the documentation to the code: the
 * fenced code blocks, each with its language tag, the line it opens on and the {@code ##} section
 * it sits in.
 */
public final class Markdown {
  /** The repository root: Maven runs the tests in {@code pipeline/}. */
  public static final Path REPOSITORY = Path.of("..");

  private static final String FENCE = "```";

  private Markdown() {}

  /**
   * One fenced code block.
   *
   * @param language the tag after the opening fence ({@code sh}, {@code sql}, ...), empty if none
   * @param line the 1-based line of the opening fence
   * @param section the title of the {@code ##} heading above the block, empty before the first
   */
  public record Block(Path file, int line, String section, String language, String code) {
    /** {@code README.md:123}, for assertion messages. */
    public String where() {
      return REPOSITORY.relativize(file).toString().replace('\\', '/') + ":" + line;
    }
  }

  /** A file of the repository, e.g. {@code README.md} or {@code docs/tables/charge_rates.md}. */
  public static Path file(String relative) {
    return REPOSITORY.resolve(relative);
  }

  public static String text(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every fenced code block of the file, in order. An unclosed fence is an error, not a block. */
  public static List<Block> blocks(Path file) {
    List<String> lines = text(file).lines().toList();
    List<Block> blocks = new ArrayList<>();
    String section = "";
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.startsWith("## ")) {
        section = line.substring(3).strip();
      }
      if (!line.startsWith(FENCE)) {
        continue;
      }
      int open = i;
      StringBuilder code = new StringBuilder();
      for (i++; i < lines.size() && !lines.get(i).startsWith(FENCE); i++) {
        code.append(lines.get(i)).append('\n');
      }
      if (i == lines.size()) {
        throw new IllegalStateException(file + ":" + (open + 1) + ": a code block is never closed");
      }
      blocks.add(new Block(file, open + 1, section, line.substring(FENCE.length()).strip(), code.toString()));
    }
    return blocks;
  }

  /** The blocks of one {@code ##} section. */
  public static List<Block> blocks(Path file, String section) {
    return blocks(file).stream().filter(b -> b.section().equals(section)).toList();
  }
}
