package io.fluxo.connector.file;

import io.fluxo.connector.spi.InputPartition;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A byte range of one file, the unit of a file read. A reader of a split that does not start the file begins after
 * the first line break at or after {@code start}, and every reader reads through the line that crosses its end, so
 * each line is read by exactly one split (Hadoop's rule). Formats that cannot be split get one split per file.
 */
public record FileSplit(Path file, long start, long length, long fileLength) implements InputPartition {
    public FileSplit {
        Objects.requireNonNull(file, "file is null");
        if (start < 0 || length < 0 || start + length > fileLength) {
            throw new IllegalArgumentException("bad split [" + start + ", " + (start + length) + ") of a file of "
                    + fileLength + " bytes");
        }
    }

    /** The position after the range. */
    public long end() {
        return start + length;
    }

    public boolean isWholeFile() {
        return start == 0 && length == fileLength;
    }

    @Override
    public String description() {
        return FileListing.display(file) + (isWholeFile() ? "" : " [" + start + ", " + end() + ")");
    }
}
