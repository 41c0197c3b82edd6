package io.fluxo.kafka;

import io.fluxo.connector.spi.PartitionReader;
import io.fluxo.errors.FluxoRuntimeException;
import io.fluxo.types.DataTypes;
import io.fluxo.vector.BytesVector;
import io.fluxo.vector.ColumnBatch;
import io.fluxo.vector.ColumnVector;
import io.fluxo.vector.IntVector;
import io.fluxo.vector.LongVector;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * Reads one partition's offset range with its own consumer (assigned, not subscribed: no consumer group), into
 * batches of the source's columns. With read_committed, aborted records and transaction markers take offsets but
 * give no rows: the range is done when the consumer's position reaches its end.
 */
final class KafkaPartitionReader implements PartitionReader {
    private final KafkaInputPartition partition;
    private final int[] columns;
    private final KafkaSourceOptions options;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final byte[] topic;
    private Iterator<ConsumerRecord<byte[], byte[]>> pending;
    /** Records returned past the range's end, for the next batch of this partition. */
    private List<ConsumerRecord<byte[], byte[]>> ahead = List.of();
    private boolean done;
    /** Whether the consumer may serve another batch: it read its range to the end without failing. */
    private boolean reusable;

    KafkaPartitionReader(KafkaInputPartition partition, int[] columns, KafkaSourceOptions options) {
        this.partition = partition;
        this.columns = columns;
        this.options = options;
        KafkaConsumerPool.Lease lease = KafkaConsumerPool.borrow(options.consumerConfig(),
                partition.topicPartition(), partition.from());
        this.consumer = lease.consumer();
        this.pending = lease.ahead().iterator();
        this.topic = partition.topicPartition().topic().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public ColumnBatch next() {
        if (done) {
            return null;
        }
        ColumnVector[] out = new ColumnVector[columns.length];
        for (int c = 0; c < columns.length; c++) {
            out[c] = ColumnVector.allocate(KafkaMicroBatchStream.schema(options).field(columns[c]).dataType(),
                    ColumnBatch.DEFAULT_SIZE);
        }
        int rows = 0;
        long deadline = System.nanoTime() + Duration.ofMillis(options.pollTimeoutMs()).toNanos();
        while (rows < ColumnBatch.DEFAULT_SIZE) {
            if (!pending.hasNext()) {
                if (consumer.position(partition.topicPartition()) >= partition.until()) {
                    done = true;
                    reusable = true;
                    break;
                }
                var records = consumer.poll(Duration.ofMillis(100));
                pending = records.records(partition.topicPartition()).iterator();
                if (!pending.hasNext() && System.nanoTime() > deadline) {
                    throw new FluxoRuntimeException("KAFKA_READ_TIMEOUT", "Could not read " + partition.description()
                            + " within " + options.pollTimeoutMs() + " ms (kafkaConsumer.pollTimeoutMs): reached offset "
                            + consumer.position(partition.topicPartition()) + ".");
                }
                continue;
            }
            ConsumerRecord<byte[], byte[]> r = pending.next();
            if (r.offset() >= partition.until()) {
                ahead = new ArrayList<>();
                ahead.add(r);
                pending.forEachRemaining(ahead::add);
                done = true;
                reusable = true;
                break;
            }
            append(out, r);
            rows++;
            deadline = System.nanoTime() + Duration.ofMillis(options.pollTimeoutMs()).toNanos();
        }
        return rows == 0 ? null : new ColumnBatch(out, rows);
    }

    private void append(ColumnVector[] out, ConsumerRecord<byte[], byte[]> r) {
        for (int c = 0; c < columns.length; c++) {
            ColumnVector v = out[c];
            switch (columns[c]) {
                case 0 -> bytes(v, r.key());
                case 1 -> bytes(v, r.value());
                case 2 -> ((BytesVector) v).append(topic, 0, topic.length);
                case 3 -> ((IntVector) v).append(r.partition());
                case 4 -> ((LongVector) v).append(r.offset());
                case 5 -> ((LongVector) v).append(r.timestamp() * 1000L);
                case 6 -> ((IntVector) v).append(r.timestampType().id);
                default -> v.appendObject(headers(r));
            }
        }
    }

    private static List<Object[]> headers(ConsumerRecord<byte[], byte[]> r) {
        List<Object[]> out = new java.util.ArrayList<>();
        for (org.apache.kafka.common.header.Header h : r.headers()) {
            out.add(new Object[] {h.key(), h.value()});
        }
        return out;
    }

    private static void bytes(ColumnVector v, byte[] b) {
        if (b == null) {
            v.appendNull();
        } else {
            ((BytesVector) v).append(b, 0, b.length);
        }
    }

    @Override
    public void close() {
        if (reusable) {
            KafkaConsumerPool.giveBack(options.consumerConfig(), partition.topicPartition(), consumer,
                    partition.until(), ahead);
        } else {
            consumer.close(Duration.ZERO);
        }
    }

    static {
        // The source's columns are fixed; the reader writes them by position.
        assert KafkaMicroBatchStream.SCHEMA.field(5).dataType() == DataTypes.TimestampType;
    }
}
