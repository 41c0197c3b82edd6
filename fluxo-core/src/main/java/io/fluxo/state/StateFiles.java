package io.fluxo.state;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * The binary files of a state store: {@code <version>.delta} (the puts and removes of one version) and
 * {@code <version>.snapshot} (every entry at that version). Layout: the magic {@code FLXS}, a format version, then
 * records ({@code 1} put: key length, key, value length, value; {@code 2} remove: key length, key), then {@code 0}
 * and the CRC-32 of everything before it. Files are written under a temporary name, forced, renamed and their folder
 * forced, so a reader finds a file whole or not at all; a damaged one fails its checksum.
 */
final class StateFiles {
    static final int MAGIC = 0x464C5853; // "FLXS"
    static final int FORMAT_VERSION = 1;
    static final byte PUT = 1;
    static final byte REMOVE = 2;
    static final byte END = 0;

    private StateFiles() {
    }

    /** Receives the records of a file as they are read. */
    interface RecordVisitor {
        void put(byte[] key, byte[] value);

        void remove(byte[] key);
    }

    /** Writes the records a callback produces to {@code file}, atomically. */
    interface RecordSource {
        void writeTo(Writer writer) throws IOException;
    }

    /** Appends records to a file being written. */
    static final class Writer {
        private final DataOutputStream out;

        private Writer(DataOutputStream out) {
            this.out = out;
        }

        void put(byte[] key, byte[] value) throws IOException {
            out.writeByte(PUT);
            out.writeInt(key.length);
            out.write(key);
            out.writeInt(value.length);
            out.write(value);
        }

        void remove(byte[] key) throws IOException {
            out.writeByte(REMOVE);
            out.writeInt(key.length);
            out.write(key);
        }
    }

    static void write(Path file, RecordSource records) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            CRC32 crc = new CRC32();
            OutputStream raw = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
            DataOutputStream out = new DataOutputStream(new CheckedOutputStream(raw, crc));
            out.writeInt(MAGIC);
            out.writeInt(FORMAT_VERSION);
            records.writeTo(new Writer(out));
            out.writeByte(END);
            out.flush();
            DataOutputStream tail = new DataOutputStream(raw);
            tail.writeLong(crc.getValue());
            tail.flush();
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
        try (FileChannel dir = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException ignored) {
            // Some platforms cannot force a folder; the rename is still atomic.
        }
    }

    /**
     * Reads every record of {@code file} into {@code visitor}, then checks the checksum.
     *
     * @throws StateStoreException when the file is truncated, of another format or fails its checksum; records
     *     already visited must then be discarded by the caller
     */
    static void read(Path file, RecordVisitor visitor) throws IOException {
        CRC32 crc = new CRC32();
        long fileSize = Files.size(file);
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            DataInputStream in = new DataInputStream(new CheckedInputStream(raw, crc));
            try {
                if (in.readInt() != MAGIC) {
                    throw damaged(file, "it is not a state file");
                }
                int version = in.readInt();
                if (version != FORMAT_VERSION) {
                    throw damaged(file, "it has format version " + version + "; this Fluxo reads "
                            + FORMAT_VERSION);
                }
                for (byte op = in.readByte(); op != END; op = in.readByte()) {
                    byte[] key = bytes(in, fileSize, file);
                    if (op == PUT) {
                        byte[] value = bytes(in, fileSize, file);
                        visitor.put(key, value);
                    } else if (op == REMOVE) {
                        visitor.remove(key);
                    } else {
                        throw damaged(file, "it has an unknown record type " + op);
                    }
                }
                long expected = crc.getValue();
                long stored = new DataInputStream(raw).readLong();
                if (stored != expected) {
                    throw damaged(file, "its checksum does not match its content");
                }
            } catch (EOFException e) {
                throw damaged(file, "it is truncated");
            }
        }
    }

    private static byte[] bytes(DataInputStream in, long fileSize, Path file) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > fileSize) {
            throw damaged(file, "it has a record of impossible length " + length);
        }
        byte[] b = new byte[length];
        in.readFully(b);
        return b;
    }

    private static StateStoreException damaged(Path file, String why) {
        return new StateStoreException("STATE_STORE_CORRUPT", "The state file " + file + " is damaged: " + why + ".");
    }
}
