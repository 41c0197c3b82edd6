package io.fluxo.kafka;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Consumers kept between micro-batches, one per consumer configuration and partition, as Spark's consumer cache:
 * making a consumer costs connections and a metadata round trip, and a kept one whose position is already where the
 * next batch starts still holds the records it fetched ahead. A consumer is lent to one reader at a time; those idle
 * longer than {@link #IDLE_MS} are closed, and a stream that stops closes the idle ones of its configuration.
 */
final class KafkaConsumerPool {
    static final long IDLE_MS = 60_000;

    private record Key(String config, TopicPartition partition) {
    }

    private record Idle(KafkaConsumer<byte[], byte[]> consumer, long since) {
    }

    private static final Map<Key, ArrayDeque<Idle>> IDLE = new HashMap<>();

    private KafkaConsumerPool() {
    }

    private static String key(Map<String, Object> config) {
        return new TreeMap<>(config).toString();
    }

    /** A consumer assigned to {@code partition} alone, positioned at {@code offset}. */
    static KafkaConsumer<byte[], byte[]> borrow(Map<String, Object> config, TopicPartition partition, long offset) {
        KafkaConsumer<byte[], byte[]> consumer = null;
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
                consumer = q.pollLast().consumer();
            }
        }
        expired.forEach(c -> c.close(Duration.ZERO));
        if (consumer == null) {
            consumer = new KafkaConsumer<>(config);
            consumer.assign(List.of(partition));
            consumer.seek(partition, offset);
        } else if (consumer.position(partition) != offset) {
            consumer.seek(partition, offset);
        }
        return consumer;
    }

    /** Takes back a consumer that is in a good state (no read failed on it). */
    static void giveBack(Map<String, Object> config, TopicPartition partition, KafkaConsumer<byte[], byte[]> consumer) {
        synchronized (IDLE) {
            IDLE.computeIfAbsent(new Key(key(config), partition), k -> new ArrayDeque<>())
                    .addLast(new Idle(consumer, System.currentTimeMillis()));
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
