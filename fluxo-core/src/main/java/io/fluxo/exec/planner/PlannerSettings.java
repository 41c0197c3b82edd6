package io.fluxo.exec.planner;

/**
 * Knobs the planner reads from the session: how many partitions to run in parallel and shuffle into, and the size
 * under which a join side is broadcast (Spark's {@code spark.sql.autoBroadcastJoinThreshold}, here in rows).
 */
public record PlannerSettings(int parallelism, int shufflePartitions, long broadcastThresholdRows) {
    public PlannerSettings {
        if (parallelism < 1 || shufflePartitions < 1) {
            throw new IllegalArgumentException("parallelism and shuffle partitions must be positive");
        }
    }
}
