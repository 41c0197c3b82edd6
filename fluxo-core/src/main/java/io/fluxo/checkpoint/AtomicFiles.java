package io.fluxo.checkpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import java.util.zip.CRC32;

/**
 * Durable, all-or-nothing checkpoint files. A file is written to a hidden temporary name, forced to disk, renamed
 * into place atomically, and its directory forced, so a reader sees either nothing or the whole file. Content is text:
 * the format version on the first line, the payload, and a last line {@code crc32:<hex>} over everything before it,
 * so damage is detected rather than misread.
 */
public final class AtomicFiles {
    public static final String VERSION = "v1";

    private AtomicFiles() {
    }

    /** Writes {@code payload} as {@code file}; returns false, writing nothing, if {@code file} exists already. */
    public static boolean writeIfAbsent(Path file, String payload) {
        try {
            Files.createDirectories(file.getParent());
            if (Files.exists(file)) {
                return false;
            }
            String body = VERSION + "\n" + payload + (payload.endsWith("\n") ? "" : "\n");
            String content = body + "crc32:" + crc(body) + "\n";
            Path tmp = file.resolveSibling("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            try {
                if (Files.exists(file)) {
                    Files.delete(tmp);
                    return false;
                }
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
                Files.deleteIfExists(tmp);
                throw new CheckpointException("CHECKPOINT_WRITE_FAILED", "Cannot write " + file
                        + " atomically: " + e.getMessage(), e);
            }
            forceDirectory(file.getParent());
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint file " + file + ": " + e.getMessage(), e);
        }
    }

    /** The payload of a file written by {@link #writeIfAbsent}, after checking its version and checksum. */
    public static String read(Path file) {
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read checkpoint file " + file + ": " + e.getMessage(), e);
        }
        int firstLine = content.indexOf('\n');
        if (firstLine < 0) {
            throw corrupt(file, "it is empty or truncated");
        }
        String version = content.substring(0, firstLine);
        if (!version.equals(VERSION)) {
            if (version.matches("v\\d+")) {
                throw new CheckpointException("CHECKPOINT_VERSION_UNSUPPORTED", "The checkpoint file " + file
                        + " was written in format " + version + "; this version of Fluxo reads " + VERSION
                        + ". It was probably written by a newer Fluxo.");
            }
            throw corrupt(file, "it does not start with a format version");
        }
        int crcLine = content.lastIndexOf("crc32:");
        if (crcLine < 0 || !content.endsWith("\n")) {
            throw corrupt(file, "it is truncated (no checksum line)");
        }
        String body = content.substring(0, crcLine);
        String expected = content.substring(crcLine + "crc32:".length()).trim();
        if (!expected.equals(crc(body))) {
            throw corrupt(file, "its checksum does not match its content");
        }
        return body.substring(firstLine + 1);
    }

    private static CheckpointException corrupt(Path file, String why) {
        return new CheckpointException("CHECKPOINT_CORRUPT", "The checkpoint file " + file + " is damaged: " + why
                + ". Fluxo does not reset a damaged checkpoint; restore the file or start the query on a new "
                + "checkpoint location.");
    }

    private static String crc(String body) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.UTF_8));
        return Long.toHexString(crc.getValue());
    }

    private static void forceDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Some platforms refuse to open or force directories; the rename itself is still atomic there.
        }
    }
}
