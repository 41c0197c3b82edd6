package io.fluxo.cli.conformance;

import io.fluxo.api.Row;
import io.fluxo.types.StructType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * A test double for the runner's {@link CaseEngine} interface, not a streaming engine: the "query" echoes the rows
 * added to the case's first source, one batch per {@code add}. In complete mode each batch holds every row so far.
 * Behaviour is steered by the case's conf: {@code echo.startError} makes start fail with that message, a row whose
 * first value is {@code boom} makes processing fail, {@code echo.hang} makes processing wait forever.
 */
final class EchoEngine implements CaseEngine {
    int starts;
    int restarts;
    int closes;
    final List<Duration> clockMoves = new ArrayList<>();

    @Override
    public CaseExecution start(ConformanceCase c, Path checkpointDir) {
        starts++;
        String error = c.conf().get("echo.startError");
        if (error != null) {
            throw new IllegalArgumentException(error, new IllegalStateException("root cause: " + error + " (cause)"));
        }
        return new Execution(c);
    }

    private final class Execution implements CaseExecution {
        private final ConformanceCase c;
        private final StructType schema;
        private final List<Row> pending = new ArrayList<>();
        private final List<Row> all = new ArrayList<>();
        private final List<SinkBatch> undrained = new ArrayList<>();
        private long nextBatchId;
        private Map<String, Object> progress;

        Execution(ConformanceCase c) {
            this.c = c;
            this.schema = c.sources().values().iterator().next();
        }

        @Override
        public StructType outputSchema() {
            return schema;
        }

        @Override
        public void addData(String source, List<Row> rows) {
            pending.addAll(rows);
        }

        @Override
        public void processAllAvailable() {
            if (c.conf().containsKey("echo.hang")) {
                try {
                    new CountDownLatch(1).await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
            if (pending.isEmpty()) {
                return;
            }
            for (Row row : pending) {
                if ("boom".equals(row.get(0))) {
                    throw new IllegalStateException("Boom: the query met a bad row");
                }
            }
            all.addAll(pending);
            undrained.add(new SinkBatch(nextBatchId++, c.isCompleteMode() ? all : pending));
            progress = new LinkedHashMap<>();
            progress.put("batchId", nextBatchId - 1);
            progress.put("numInputRows", (long) pending.size());
            pending.clear();
        }

        @Override
        public List<SinkBatch> drainSinkBatches() {
            List<SinkBatch> out = List.copyOf(undrained);
            undrained.clear();
            return out;
        }

        @Override
        public void restart() {
            restarts++;
        }

        @Override
        public void advanceClock(Duration duration) {
            clockMoves.add(duration);
        }

        @Override
        public Map<String, Object> lastProgress() {
            return progress;
        }

        @Override
        public void close() {
            closes++;
        }
    }
}
