package io.fluxo.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * A producer interceptor (Kafka's own plug-in point) for crash tests: the first time the producer sends a value named
 * in {@code fluxo.test.stallAt}, it leaves a file {@code <value>.stalled} in {@code fluxo.test.stallDir} and blocks
 * for good, in the middle of the sink's transaction, until the test kills the JVM. Later runs find the file and pass.
 */
public final class StallingInterceptor implements ProducerInterceptor<byte[], byte[]> {
    private Path dir;
    private List<String> stallAt = List.of();

    @Override
    public void configure(Map<String, ?> configs) {
        Object d = configs.get("fluxo.test.stallDir");
        Object at = configs.get("fluxo.test.stallAt");
        dir = d == null ? null : Path.of(d.toString());
        stallAt = at == null ? List.of() : List.of(at.toString().split(","));
    }

    @Override
    public ProducerRecord<byte[], byte[]> onSend(ProducerRecord<byte[], byte[]> record) {
        String value = record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8);
        if (dir != null && stallAt.contains(value)) {
            Path marker = dir.resolve(value + ".stalled");
            if (!Files.exists(marker)) {
                try {
                    Files.writeString(marker, value);
                    new CountDownLatch(1).await();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        return record;
    }

    @Override
    public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
    }

    @Override
    public void close() {
    }
}
