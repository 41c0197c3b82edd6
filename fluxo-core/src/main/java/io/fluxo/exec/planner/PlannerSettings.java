package io.fluxo.exec.planner;

/**
 * Knobs the planner reads from the session: how many partitions to run in parallel and shuffle into, the size under
 * which a join side is broadcast (Spark's {@code spark.sql.autoBroadcastJoinThreshold}, here in rows), and the bytes of
 * rows a sort task, a task splitting rows for a hash exchange, an aggregation task's groups or a join task's build
 * side hold before they are written to disk, in {@code spillDirectory} (null: the system's temporary folder).
 */
public record PlannerSettings(int parallelism, int shufflePartitions, long broadcastThresholdRows,
        long sortSpillThresholdBytes, long shuffleSpillThresholdBytes, long aggregateSpillThresholdBytes,
        long joinSpillThresholdBytes, java.nio.file.Path spillDirectory) {
    public PlannerSettings {
        if (parallelism < 1 || shufflePartitions < 1) {
            throw new IllegalArgumentException("parallelism and shuffle partitions must be positive");
        }
    }

    /** When and where a hash exchange spills. */
    public io.fluxo.exec.operator.SpillFile.Settings shuffleSpill() {
        return new io.fluxo.exec.operator.SpillFile.Settings(shuffleSpillThresholdBytes, spillDirectory);
    }

    /** When and where a grouped aggregation spills its groups. */
    public io.fluxo.exec.operator.SpillFile.Settings aggregateSpill() {
        return new io.fluxo.exec.operator.SpillFile.Settings(aggregateSpillThresholdBytes, spillDirectory);
    }

    /** When and where a shuffled hash join spills both sides of a partition. */
    public io.fluxo.exec.operator.SpillFile.Settings joinSpill() {
        return new io.fluxo.exec.operator.SpillFile.Settings(joinSpillThresholdBytes, spillDirectory);
    }

    /** When and where a sort spills. */
    public io.fluxo.exec.operator.SpillFile.Settings sortSpill() {
        return new io.fluxo.exec.operator.SpillFile.Settings(sortSpillThresholdBytes, spillDirectory);
    }
}
