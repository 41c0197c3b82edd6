package io.fluxo.checkpoint;

import java.nio.file.Path;
import java.util.Map;

/** {@code commits/N}: batch N reached its sink; written after the sink committed it, as Spark's CommitLog. */
public final class CommitLog extends BatchLog<CommitLog.CommitMetadata> {
    /** The watermark the next batch starts with. */
    public record CommitMetadata(long nextBatchWatermarkMs) {
    }

    public CommitLog(Path dir) {
        super(dir, new Codec<>() {
            @Override
            public String write(CommitMetadata entry) {
                return Json.write(Map.of("nextBatchWatermarkMs", entry.nextBatchWatermarkMs()));
            }

            @Override
            public CommitMetadata read(String text, Path file) {
                return new CommitMetadata(OffsetLog.number(Json.read(text.strip(), file), "nextBatchWatermarkMs",
                        file));
            }
        });
    }
}
