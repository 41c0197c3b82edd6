package io.fluxo.checkpoint;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The write-ahead log of micro-batches: {@code offsets/N} holds batch N's end offset per source and the metadata it
 * ran with, written before the batch runs. Layout after the version line, as Spark's: a metadata JSON line, then one
 * line per source with its offset JSON, or {@code -} for a source that had no offset yet.
 */
public final class OffsetLog extends BatchLog<OffsetLog.OffsetSeq> {
    /** A batch's end offsets (one per source, in plan order) and metadata. */
    public record OffsetSeq(List<String> sourceOffsets, OffsetSeqMetadata metadata) {
        public OffsetSeq {
            sourceOffsets = java.util.Collections.unmodifiableList(new ArrayList<>(sourceOffsets));
        }
    }

    /** The watermark and timestamp a batch runs with, and the settings that must not change across restarts. */
    public record OffsetSeqMetadata(long batchWatermarkMs, long batchTimestampMs, Map<String, String> conf) {
        public OffsetSeqMetadata {
            conf = Map.copyOf(conf);
        }
    }

    public OffsetLog(Path dir) {
        super(dir, new Codec<>() {
            @Override
            public String write(OffsetSeq entry) {
                Map<String, Object> meta = new LinkedHashMap<>();
                meta.put("batchWatermarkMs", entry.metadata().batchWatermarkMs());
                meta.put("batchTimestampMs", entry.metadata().batchTimestampMs());
                meta.put("conf", new TreeMap<String, Object>(entry.metadata().conf()));
                StringBuilder sb = new StringBuilder(Json.write(meta)).append('\n');
                for (String offset : entry.sourceOffsets()) {
                    sb.append(offset == null ? "-" : offset.replace('\n', ' ')).append('\n');
                }
                return sb.toString();
            }

            @Override
            public OffsetSeq read(String text, Path file) {
                String[] lines = text.split("\n", -1);
                Map<String, Object> meta = Json.read(lines[0], file);
                Map<String, String> conf = new TreeMap<>();
                if (meta.get("conf") instanceof Map<?, ?> m) {
                    m.forEach((k, v) -> conf.put(k.toString(), String.valueOf(v)));
                }
                List<String> offsets = new ArrayList<>();
                for (int i = 1; i < lines.length; i++) {
                    if (!lines[i].isEmpty()) {
                        offsets.add(lines[i].equals("-") ? null : lines[i]);
                    }
                }
                return new OffsetSeq(offsets, new OffsetSeqMetadata(number(meta, "batchWatermarkMs", file),
                        number(meta, "batchTimestampMs", file), conf));
            }
        });
    }

    static long number(Map<String, Object> json, String field, Path file) {
        Object v = json.get(field);
        if (!(v instanceof Long l)) {
            throw new CheckpointException("CHECKPOINT_CORRUPT", "The checkpoint file " + file + " has no number '"
                    + field + "'.");
        }
        return l;
    }
}
