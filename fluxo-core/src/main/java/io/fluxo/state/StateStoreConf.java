package io.fluxo.state;

/**
 * How a state store keeps its files: a snapshot every {@code snapshotInterval} versions, and enough files to load any
 * of the last {@code minVersionsToRetain} versions (Spark's {@code minBatchesToRetain}, 100 by default).
 */
public record StateStoreConf(int snapshotInterval, int minVersionsToRetain) {
    public static final StateStoreConf DEFAULT = new StateStoreConf(10, 100);

    public StateStoreConf {
        if (snapshotInterval < 1 || minVersionsToRetain < 1) {
            throw new IllegalArgumentException("snapshotInterval and minVersionsToRetain must be positive");
        }
    }
}
