package io.fluxo.connector.spi;

/**
 * One independently readable piece of a scan (a file split, a range, a Kafka partition's offset range). Partitions
 * are immutable values; a reader is created per partition and run on one thread.
 */
public interface InputPartition {
    /** A short human-readable name for errors and explain output, e.g. the file path and byte range. */
    String description();
}
