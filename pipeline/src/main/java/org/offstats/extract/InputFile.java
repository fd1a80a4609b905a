package org.offstats.extract;

import java.io.Serializable;

/**
 * One force extract file to read.
 *
 * @param index position in file order across all extracts (byte order of the name, .gz ignored)
 * @param extract the extract it belongs to ({@code arrests}, ...)
 * @param path path relative to the input folder, as recorded in the manifest and rejects
 * @param location absolute location to open
 * @param header where each contract column sits in this file's header
 */
public record InputFile(int index, String extract, String path, String location, HeaderMap header)
    implements Serializable {

  public boolean gzipped() {
    return path.endsWith(".gz");
  }
}
