package io.fluxo.state;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.zip.CRC32;

/**
 * The binary files of a state store: {@code <version>.delta} (the puts and removes of one version) and
 * {@code <version>.snapshot} (every entry at that version). Layout: the magic {@code FLXS}, a format version, (from
 * version 2) the hash seed and table capacity of the map the records come from (0 for deltas), then
 * records ({@code 1} put: key length, key, value length, value; {@code 2} remove: key length, key), then {@code 0}
 * and the CRC-32 of everything before it. Files are written under a temporary name and renamed, so a reader finds a
 * file whole or not at all; a damaged one fails its checksum. A durable write forces the file before the rename and
 * the folder after it; a deferred one leaves both to {@link #sync}, which must run before anything refers to the
 * file (the query's commit log does).
 */
final class StateFiles {
    static final int MAGIC = 0x464C5853; // "FLXS"
    static final int FORMAT_VERSION = 2;
    static final byte PUT = 1;
    static final byte REMOVE = 2;
    static final byte END = 0;

    private StateFiles() {
    }

    /** Receives the records of a file as they are read. */
    interface RecordVisitor {
        /** Before the records: the layout of the map a snapshot was written from (capacity 0: unknown). */
        default void layout(long seed, int capacity) {
        }

        /** A put; the bytes are only valid during the call (they point into the read buffer). */
        void put(byte[] keyBytes, int keyOffset, int keyLength, byte[] valueBytes, int valueOffset, int valueLength);

        void remove(byte[] keyBytes, int keyOffset, int keyLength);
    }

    /** Writes the records a callback produces to {@code file}, atomically. */
    interface RecordSource {
        void writeTo(Writer writer) throws IOException;
    }

    /**
     * Appends records to a file being written, through one buffer that is checksummed as a whole when flushed. The
     * buffer is no larger than the file is expected to be: a store commits a small delta many times a second.
     */
    static final class Writer {
        private static final int MIN_BUFFER = 4 << 10;
        private static final int MAX_BUFFER = 1 << 20;
        private final FileChannel channel;
        private final CRC32 crc = new CRC32();
        private final ByteBuffer buffer;

        private Writer(FileChannel channel, long expectedBytes) {
            this.channel = channel;
            this.buffer = ByteBuffer.allocate(expectedBytes >= MAX_BUFFER ? MAX_BUFFER
                    : (int) Math.max(MIN_BUFFER, expectedBytes + 64));
        }

        void put(byte[] key, byte[] value) throws IOException {
            put(key, 0, key.length, value, 0, value.length);
        }

        void put(byte[] key, int keyOffset, int keyLength, byte[] value, int valueOffset, int valueLength)
                throws IOException {
            ensure(5);
            buffer.put(PUT).putInt(keyLength);
            bytes(key, keyOffset, keyLength);
            ensure(4);
            buffer.putInt(valueLength);
            bytes(value, valueOffset, valueLength);
        }

        void remove(byte[] key) throws IOException {
            remove(key, 0, key.length);
        }

        void remove(byte[] key, int offset, int length) throws IOException {
            ensure(5);
            buffer.put(REMOVE).putInt(length);
            bytes(key, offset, length);
        }

        private void bytes(byte[] b, int offset, int length) throws IOException {
            if (length > buffer.remaining()) {
                flush();
            }
            if (length <= buffer.remaining()) {
                buffer.put(b, offset, length);
                return;
            }
            // Larger than the buffer: checksummed and written as it is.
            crc.update(b, offset, length);
            ByteBuffer direct = ByteBuffer.wrap(b, offset, length);
            while (direct.hasRemaining()) {
                channel.write(direct);
            }
        }

        private void ensure(int bytes) throws IOException {
            if (buffer.remaining() < bytes) {
                flush();
            }
        }

        private void flush() throws IOException {
            buffer.flip();
            crc.update(buffer.array(), 0, buffer.limit());
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            buffer.clear();
        }

        private void finish() throws IOException {
            ensure(1);
            buffer.put(END);
            flush();
            buffer.putLong(crc.getValue());
            buffer.flip();
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            buffer.clear();
        }
    }

    /** Writes a delta file whose records take about {@code expectedBytes}; durable unless {@code deferSync}. */
    static void write(Path file, long expectedBytes, boolean deferSync, RecordSource records) throws IOException {
        write(file, 0, 0, expectedBytes, deferSync, records);
    }

    /** As {@link #write(Path, long, boolean, RecordSource)}, recording the layout of the map the records come from. */
    static void write(Path file, long seed, int capacity, long expectedBytes, boolean deferSync, RecordSource records)
            throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            Writer writer = new Writer(channel, expectedBytes);
            writer.buffer.putInt(MAGIC).putInt(FORMAT_VERSION).putLong(seed).putInt(capacity);
            records.writeTo(writer);
            writer.finish();
            if (!deferSync) {
                channel.force(true);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
        if (!deferSync) {
            forceFolder(file.getParent());
        }
    }

    /** Makes files written with a deferred sync durable: each file, then each of their folders once. */
    static void sync(List<Path> files) throws IOException {
        Set<Path> folders = new LinkedHashSet<>();
        for (Path file : files) {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.force(true);
            } catch (NoSuchFileException gone) {
                continue; // deleted since: nothing refers to it
            }
            folders.add(file.getParent());
        }
        for (Path folder : folders) {
            forceFolder(folder);
        }
    }

    private static void forceFolder(Path folder) {
        try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
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
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size < 17) {
                throw damaged(file, "it is truncated");
            }
            Input in = new Input(channel, size - 8, file);
            if (in.readInt() != MAGIC) {
                throw damaged(file, "it is not a state file");
            }
            int version = in.readInt();
            if (version != 1 && version != FORMAT_VERSION) {
                throw damaged(file, "it has format version " + version + "; this Fluxo reads 1 to " + FORMAT_VERSION);
            }
            if (version >= 2) {
                long seed = ((long) in.readInt() << 32) | (in.readInt() & 0xFFFFFFFFL);
                int capacity = in.readInt();
                // A capacity is a power of two no larger than a few slots per record the file can hold.
                if (capacity < 0 || Integer.bitCount(capacity) > 1 || capacity > 16 + 4 * (size / 9)) {
                    throw damaged(file, "it has an impossible table capacity " + capacity);
                }
                if (capacity >= 16) {
                    visitor.layout(seed, capacity);
                }
            }
            byte[] key = new byte[64];
            for (byte op = in.readByte(); op != END; op = in.readByte()) {
                if (op != PUT && op != REMOVE) {
                    throw damaged(file, "it has an unknown record type " + op);
                }
                int keyLength = in.readLength();
                if (key.length < keyLength) {
                    key = new byte[Math.max(keyLength, key.length * 2)];
                }
                in.readFully(key, keyLength);
                if (op == REMOVE) {
                    visitor.remove(key, 0, keyLength);
                    continue;
                }
                int valueLength = in.readLength();
                if (in.fitsBuffer(valueLength)) {
                    // The value is read where it lies in the buffer: no array per record.
                    int at = in.take(valueLength);
                    visitor.put(key, 0, keyLength, in.array(), at, valueLength);
                } else {
                    byte[] value = new byte[valueLength];
                    in.readFully(value, valueLength);
                    visitor.put(key, 0, keyLength, value, 0, valueLength);
                }
            }
            if (!in.atEnd()) {
                throw damaged(file, "it has data after its last record");
            }
            ByteBuffer tail = ByteBuffer.allocate(8);
            while (tail.hasRemaining() && channel.read(tail, size - 8 + tail.position()) > 0) {
                // reads the stored checksum
            }
            if (tail.getLong(0) != in.crc()) {
                throw damaged(file, "its checksum does not match its content");
            }
        }
    }

    /** The checksummed part of a state file, read a large block at a time; the checksum follows the blocks. */
    private static final class Input {
        private final FileChannel channel;
        private final long end;
        private final Path file;
        private final CRC32 crc = new CRC32();
        private final ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
        private long read;

        Input(FileChannel channel, long end, Path file) {
            this.channel = channel;
            this.end = end;
            this.file = file;
            buffer.limit(0);
        }

        private void require(int bytes) throws IOException {
            if (buffer.remaining() >= bytes) {
                return;
            }
            buffer.compact();
            while (buffer.position() < bytes) {
                if (read >= end) {
                    throw damaged(file, "it is truncated");
                }
                int from = buffer.position();
                int want = (int) Math.min(buffer.remaining(), end - read);
                ByteBuffer slice = buffer.duplicate();
                slice.limit(from + want);
                int n = channel.read(slice, read);
                if (n <= 0) {
                    throw damaged(file, "it is truncated");
                }
                crc.update(buffer.array(), from, n);
                buffer.position(from + n);
                read += n;
            }
            buffer.flip();
        }

        byte readByte() throws IOException {
            require(1);
            return buffer.get();
        }

        int readInt() throws IOException {
            require(4);
            return buffer.getInt();
        }

        int readLength() throws IOException {
            int length = readInt();
            if (length < 0 || length > end) {
                throw damaged(file, "it has a record of impossible length " + length);
            }
            return length;
        }

        boolean fitsBuffer(int length) {
            return length <= buffer.capacity();
        }

        byte[] array() {
            return buffer.array();
        }

        /** Makes {@code length} bytes available in the buffer and consumes them; returns where they start. */
        int take(int length) throws IOException {
            require(length);
            int at = buffer.position();
            buffer.position(at + length);
            return at;
        }

        /** Reads {@code length} bytes into {@code out[0, length)}, through the buffer or, when larger, directly. */
        void readFully(byte[] out, int length) throws IOException {
            if (length <= buffer.capacity()) {
                require(length);
                buffer.get(out, 0, length);
                return;
            }
            int buffered = buffer.remaining();
            buffer.get(out, 0, buffered);
            ByteBuffer rest = ByteBuffer.wrap(out, buffered, length - buffered);
            while (rest.hasRemaining()) {
                if (read >= end) {
                    throw damaged(file, "it is truncated");
                }
                int from = rest.position();
                rest.limit((int) Math.min(length, from + (end - read)));
                int n = channel.read(rest, read);
                if (n <= 0) {
                    throw damaged(file, "it is truncated");
                }
                crc.update(out, from, n);
                read += n;
                rest.limit(length);
            }
        }

        boolean atEnd() {
            return read == end && buffer.remaining() == 0;
        }

        long crc() {
            return crc.getValue();
        }
    }

    private static StateStoreException damaged(Path file, String why) {
        return new StateStoreException("STATE_STORE_CORRUPT", "The state file " + file + " is damaged: " + why + ".");
    }
}
