package io.fluxo.stream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What one micro-batch did, with Spark's fields and JSON layout: ids, batch, row counts and rates, time spent per
 * phase ({@code durationMs}), event-time statistics, stateful operators, each source's offsets and the sink.
 */
public record StreamingQueryProgress(UUID id, UUID runId, String name, String timestamp, long batchId,
        long batchDuration, Map<String, Long> durationMs, Map<String, String> eventTime,
        List<StateOperatorProgress> stateOperators, List<SourceProgress> sources, SinkProgress sink) {

    public StreamingQueryProgress {
        durationMs = Map.copyOf(durationMs);
        eventTime = Map.copyOf(eventTime);
        stateOperators = List.copyOf(stateOperators);
        sources = List.copyOf(sources);
    }

    /** Rows read from all sources in this batch. */
    public long numInputRows() {
        return sources.stream().mapToLong(SourceProgress::numInputRows).sum();
    }

    public double inputRowsPerSecond() {
        return sources.stream().mapToDouble(SourceProgress::inputRowsPerSecond).sum();
    }

    public double processedRowsPerSecond() {
        return sources.stream().mapToDouble(SourceProgress::processedRowsPerSecond).sum();
    }

    /** One source's part of a batch. */
    public record SourceProgress(String description, String startOffset, String endOffset, String latestOffset,
            long numInputRows, double inputRowsPerSecond, double processedRowsPerSecond) {
    }

    /** The sink's part of a batch. */
    public record SinkProgress(String description, long numOutputRows) {
    }

    /** A stateful operator's state after a batch. */
    public record StateOperatorProgress(String operatorName, long numRowsTotal, long numRowsUpdated,
            long numRowsRemoved, long numRowsDroppedByWatermark, long memoryUsedBytes, long commitTimeMs,
            long allUpdatesTimeMs, long allRemovalsTimeMs) {
    }

    /** Spark's JSON form, pretty-printed. */
    public String prettyJson() {
        return json(true);
    }

    public String json() {
        return json(false);
    }

    private String json(boolean pretty) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            if (pretty) {
                g.useDefaultPrettyPrinter();
            }
            g.writeStartObject();
            g.writeStringField("id", id.toString());
            g.writeStringField("runId", runId.toString());
            g.writeStringField("name", name);
            g.writeStringField("timestamp", timestamp);
            g.writeNumberField("batchId", batchId);
            g.writeNumberField("batchDuration", batchDuration);
            g.writeNumberField("numInputRows", numInputRows());
            g.writeNumberField("inputRowsPerSecond", inputRowsPerSecond());
            g.writeNumberField("processedRowsPerSecond", processedRowsPerSecond());
            g.writeObjectFieldStart("durationMs");
            for (Map.Entry<String, Long> e : new java.util.TreeMap<>(durationMs).entrySet()) {
                g.writeNumberField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            if (!eventTime.isEmpty()) {
                g.writeObjectFieldStart("eventTime");
                for (Map.Entry<String, String> e : new java.util.TreeMap<>(eventTime).entrySet()) {
                    g.writeStringField(e.getKey(), e.getValue());
                }
                g.writeEndObject();
            }
            g.writeArrayFieldStart("stateOperators");
            for (StateOperatorProgress s : stateOperators) {
                g.writeStartObject();
                g.writeStringField("operatorName", s.operatorName());
                g.writeNumberField("numRowsTotal", s.numRowsTotal());
                g.writeNumberField("numRowsUpdated", s.numRowsUpdated());
                g.writeNumberField("numRowsRemoved", s.numRowsRemoved());
                g.writeNumberField("numRowsDroppedByWatermark", s.numRowsDroppedByWatermark());
                g.writeNumberField("memoryUsedBytes", s.memoryUsedBytes());
                g.writeNumberField("commitTimeMs", s.commitTimeMs());
                g.writeNumberField("allUpdatesTimeMs", s.allUpdatesTimeMs());
                g.writeNumberField("allRemovalsTimeMs", s.allRemovalsTimeMs());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("sources");
            for (SourceProgress s : sources) {
                g.writeStartObject();
                g.writeStringField("description", s.description());
                writeOffset(g, "startOffset", s.startOffset());
                writeOffset(g, "endOffset", s.endOffset());
                writeOffset(g, "latestOffset", s.latestOffset());
                g.writeNumberField("numInputRows", s.numInputRows());
                g.writeNumberField("inputRowsPerSecond", s.inputRowsPerSecond());
                g.writeNumberField("processedRowsPerSecond", s.processedRowsPerSecond());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeObjectFieldStart("sink");
            g.writeStringField("description", sink.description());
            g.writeNumberField("numOutputRows", sink.numOutputRows());
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Offsets are JSON already: embed them raw, as Spark does. */
    private static void writeOffset(JsonGenerator g, String field, String offset) throws IOException {
        g.writeFieldName(field);
        if (offset == null) {
            g.writeNull();
        } else {
            g.writeRawValue(offset);
        }
    }

    @Override
    public String toString() {
        return prettyJson();
    }
}
