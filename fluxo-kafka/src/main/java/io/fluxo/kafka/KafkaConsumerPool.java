package io.fluxo.kafka;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Consumers kept between micro-batches, one per consumer configuration and partition, as Spark's consumer cache:
 * making a consumer costs connections and a metadata round trip, and a kept one holds the records it fetched ahead. A
 * poll returns records past the end of a batch's range; they are kept with the consumer, and the next batch, which
 * starts where that range ended, begins with them instead of seeking back and fetching them again. A consumer is lent
 * to one reader at a time; those idle
 * longer than {@link #IDLE_MS} are closed, and a stream that stops closes the idle ones of its configuration.
 */
final class KafkaConsumerPool {
    static final long IDLE_MS = 60_000;

    private record Key(String config, TopicPartition partition) {
    }

    private record Idle(KafkaConsumer<byte[], byte[]> consumer, long since, long resumeAt,
            List<ConsumerRecord<byte[], byte[]>> ahead) {
    }

    /**
     * A lent consumer and the records it already returned from the range's start on ({@code ahead}, in offset order);
     * its position is past them.
     */
    record Lease(KafkaConsumer<byte[], byte[]> consumer, List<ConsumerRecord<byte[], byte[]>> ahead) {
    }

    private static final Map<Key, ArrayDeque<Idle>> IDLE = new HashMap<>();

    private KafkaConsumerPool() {
    }

    private static String key(Map<String, Object> config) {
        return new TreeMap<>(config).toString();
    }

    /** A consumer assigned to {@code partition} alone, to read from {@code offset} on. */
    static Lease borrow(Map<String, Object> config, TopicPartition partition, long offset) {
        Idle kept = null;
        List<KafkaConsumer<byte[], byte[]>> expired = new ArrayList<>();
        synchronized (IDLE) {
            long now = System.currentTimeMillis();
            for (Iterator<ArrayDeque<Idle>> it = IDLE.values().iterator(); it.hasNext(); ) {
                ArrayDeque<Idle> q = it.next();
                while (!q.isEmpty() && now - q.peekFirst().since() > IDLE_MS) {
                    expired.add(q.pollFirst().consumer());
                }
                if (q.isEmpty()) {
                    it.remove();
                }
            }
            ArrayDeque<Idle> q = IDLE.get(new Key(key(config), partition));
            if (q != null && !q.isEmpty()) {
                kept = q.pollLast();
            }
        }
        expired.forEach(c -> c.close(Duration.ZERO));
        if (kept == null) {
            KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config);
            consumer.assign(List.of(partition));
            consumer.seek(partition, offset);
            return new Lease(consumer, List.of());
        }
        KafkaConsumer<byte[], byte[]> consumer = kept.consumer();
        if (kept.resumeAt() == offset) {
            return new Lease(consumer, kept.ahead());
        }
        if (!kept.ahead().isEmpty() || consumer.position(partition) != offset) {
            consumer.seek(partition, offset);
        }
        return new Lease(consumer, List.of());
    }

    /**
     * Takes back a consumer that is in a good state (no read failed on it), with the records it returned from
     * {@code resumeAt} on that its reader did not use.
     */
    static void giveBack(Map<String, Object> config, TopicPartition partition, KafkaConsumer<byte[], byte[]> consumer,
            long resumeAt, List<ConsumerRecord<byte[], byte[]>> ahead) {
        synchronized (IDLE) {
            IDLE.computeIfAbsent(new Key(key(config), partition), k -> new ArrayDeque<>())
                    .addLast(new Idle(consumer, System.currentTimeMillis(), resumeAt, ahead));
        }
    }

    /** Closes the idle consumers of one configuration (its stream stopped). */
    static void closeIdle(Map<String, Object> config) {
        String k = key(config);
        List<KafkaConsumer<byte[], byte[]>> closing = new ArrayList<>();
        synchronized (IDLE) {
            for (Iterator<Map.Entry<Key, ArrayDeque<Idle>>> it = IDLE.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<Key, ArrayDeque<Idle>> e = it.next();
                if (e.getKey().config().equals(k)) {
                    e.getValue().forEach(i -> closing.add(i.consumer()));
                    it.remove();
                }
            }
        }
        closing.forEach(c -> c.close(Duration.ZERO));
    }
}
