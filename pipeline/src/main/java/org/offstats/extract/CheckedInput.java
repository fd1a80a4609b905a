package org.offstats.extract;

import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * An input file read through a SHA-256 digest, so that a reader can confirm that the bytes it read
 * are the very bytes whose checksum the run took before reading, and records in its manifest. A
 * file rewritten between the checksum and the read is caught here even if it is put back before
 * the run ends ({@link InputScan#confirmUnchanged} looks at the file again after the job).
 */
public final class CheckedInput implements Closeable {
  private final String path;
  private final InputScan.FileChecksum expected;
  private final Counting stream;

  private CheckedInput(String path, InputScan.FileChecksum expected, InputStream in) {
    this.path = path;
    this.expected = expected;
    this.stream = new Counting(in);
  }

  /**
   * @param location the file to open
   * @param expected its checksum taken before reading
   */
  public static CheckedInput open(Path location, InputScan.FileChecksum expected) throws IOException {
    return new CheckedInput(expected.path(), expected, Files.newInputStream(location));
  }

  /** The file's path relative to the input folder, as messages name it. */
  public String path() {
    return path;
  }

  /** How many of the file's bytes have passed so far (read ahead of the records by the reader's buffer). */
  public long bytesRead() {
    return stream.bytes;
  }

  /** The file's bytes, to hand to the reader. */
  public InputStream stream() {
    return stream;
  }

  /**
   * Reads whatever the reader left unread (a gzip trailer, say) and checks the whole: an {@link
   * InputException} naming the file when its bytes are not those checksummed.
   */
  public void confirmUnchanged() throws IOException {
    stream.transferTo(OutputStream.nullOutputStream());
    String sha256 = HexFormat.of().formatHex(stream.digest.digest());
    if (stream.bytes != expected.bytes() || !sha256.equals(expected.sha256())) {
      throw InputScan.changedWhileRead(path, stream.bytes != expected.bytes()
          ? expected.bytes() + " bytes when the run started, " + stream.bytes + " bytes read"
          : "the bytes read are not those whose SHA-256 the run took at the start");
    }
  }

  /**
   * What to report when reading failed on the content: the change, if the file changed under the
   * reader (a file cut short by a writer looks like a broken file), else {@code problem}.
   */
  public InputException changedOr(InputException problem) throws IOException {
    try {
      confirmUnchanged();
    } catch (InputException changed) {
      return changed;
    }
    return problem;
  }

  @Override
  public void close() throws IOException {
    stream.closeFile();
  }

  /**
   * Digests and counts every byte that passes. Closing it does not close the file: Jackson closes
   * its input at the end of the file, and the check reads on after that.
   */
  private static final class Counting extends FilterInputStream {
    private final MessageDigest digest = InputScan.sha256();
    private long bytes;

    Counting(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        digest.update((byte) b);
        bytes++;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = in.read(buffer, offset, length);
      if (n > 0) {
        digest.update(buffer, offset, n);
        bytes += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      // skipped bytes must be digested too
      byte[] buffer = new byte[8192];
      long skipped = 0;
      while (skipped < n) {
        int read = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
        if (read < 0) {
          break;
        }
        skipped += read;
      }
      return skipped;
    }

    @Override
    public void close() {
      // the file is closed with the CheckedInput
    }

    void closeFile() throws IOException {
      in.close();
    }

    @Override
    public boolean markSupported() {
      return false;
    }
  }
}
