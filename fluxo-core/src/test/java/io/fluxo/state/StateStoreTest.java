package io.fluxo.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Versions, deltas and snapshots, recovery from damaged snapshots, abort, re-run and clean-up. */
class StateStoreTest {
    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, String> content(StateStore store) {
        Map<String, String> out = new HashMap<>();
        store.forEach((k, v) -> out.put(new String(k, StandardCharsets.UTF_8), new String(v, StandardCharsets.UTF_8)));
        return out;
    }

    private static String[] files(Path dir) throws Exception {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted()
                    .toArray(String[]::new);
        }
    }

    @Test
    void eachCommitIsAVersionThatCanBeLoadedAgain(@TempDir Path dir) {
        StateStore store = StateStore.load(dir, 0, StateStoreConf.DEFAULT);
        store.beginBatch();
        store.put(b("a"), b("1"));
        store.put(b("b"), b("2"));
        assertThat(store.commit()).isEqualTo(1);
        store.beginBatch();
        store.put(b("a"), b("3"));
        store.remove(b("b"));
        store.remove(b("never there"));
        assertThat(store.commit()).isEqualTo(2);
        assertThat(store.numRowsUpdated()).isEqualTo(1);
        assertThat(store.numRowsRemoved()).isEqualTo(1);

        assertThat(content(StateStore.load(dir, 1, StateStoreConf.DEFAULT))).isEqualTo(Map.of("a", "1", "b", "2"));
        assertThat(content(StateStore.load(dir, 2, StateStoreConf.DEFAULT))).isEqualTo(Map.of("a", "3"));
        assertThat(StateStore.load(dir, 2, StateStoreConf.DEFAULT).numKeys()).isEqualTo(1);
    }

    @Test
    void abortUndoesTheBatchAndAReRunCommitsTheSameVersionAgain(@TempDir Path dir) {
        StateStore store = StateStore.load(dir, 0, StateStoreConf.DEFAULT);
        store.beginBatch();
        store.put(b("a"), b("1"));
        store.commit();
        store.beginBatch();
        store.put(b("a"), b("2"));
        store.put(b("c"), b("9"));
        store.remove(b("a"));
        store.abort();
        assertThat(content(store)).isEqualTo(Map.of("a", "1"));
        assertThat(store.version()).isEqualTo(1);

        store.beginBatch();
        store.put(b("b"), b("2"));
        store.commit();
        // A crash after the state commit but before the batch's commit log: the batch runs again from version 1.
        StateStore rerun = StateStore.load(dir, 1, StateStoreConf.DEFAULT);
        rerun.beginBatch();
        rerun.put(b("b"), b("2"));
        assertThat(rerun.commit()).isEqualTo(2);
        assertThat(content(StateStore.load(dir, 2, StateStoreConf.DEFAULT))).isEqualTo(Map.of("a", "1", "b", "2"));
    }

    @Test
    void snapshotsAreWrittenEveryIntervalAndADamagedOneFallsBackToAnOlderOne(@TempDir Path dir) throws Exception {
        StateStoreConf conf = new StateStoreConf(3, 100);
        StateStore store = StateStore.load(dir, 0, conf);
        for (int v = 1; v <= 7; v++) {
            store.beginBatch();
            store.put(b("k" + v), b("v" + v));
            store.remove(b("k" + (v - 2)));
            store.commit();
        }
        assertThat(files(dir)).contains("3.snapshot", "6.snapshot", "7.delta");
        Files.write(dir.resolve("6.snapshot"), new byte[] {1, 2, 3});
        assertThat(content(StateStore.load(dir, 7, conf))).isEqualTo(Map.of("k6", "v6", "k7", "v7"));

        byte[] delta = Files.readAllBytes(dir.resolve("5.delta"));
        delta[delta.length - 1] ^= 1;
        Files.write(dir.resolve("5.delta"), delta);
        assertThatThrownBy(() -> StateStore.load(dir, 7, conf)).isInstanceOf(StateStoreException.class)
                .hasMessageContaining("6.snapshot is damaged").hasMessageContaining("5.delta is damaged: its checksum");
    }

    @Test
    void valuesLargerThanTheFileBufferRoundTripAndATruncatedFileIsDamaged(@TempDir Path dir) throws Exception {
        byte[] big = new byte[3 << 20];
        new Random(7).nextBytes(big);
        StateStore store = StateStore.load(dir, 0, new StateStoreConf(1, 100));
        store.beginBatch();
        store.put(b("small"), b("1"));
        store.put(big.clone(), big);
        store.put(b("after"), b("2"));
        store.commit();
        StateStore loaded = StateStore.load(dir, 1, StateStoreConf.DEFAULT);
        assertThat(loaded.get(big)).isEqualTo(big);
        assertThat(loaded.get(b("after"))).isEqualTo(b("2"));
        assertThat(loaded.numKeys()).isEqualTo(3);

        Files.delete(dir.resolve("1.snapshot"));
        byte[] delta = Files.readAllBytes(dir.resolve("1.delta"));
        Files.write(dir.resolve("1.delta"), java.util.Arrays.copyOf(delta, delta.length / 2));
        assertThatThrownBy(() -> StateStore.load(dir, 1, StateStoreConf.DEFAULT))
                .isInstanceOf(StateStoreException.class).hasMessageContaining("1.delta is damaged");
    }

    @Test
    void valuesThatChangeSizeLeaveDeadBytesThatAreCompactedWithoutLosingEntries(@TempDir Path dir) {
        StateStore store = StateStore.load(dir, 0, new StateStoreConf(2, 100));
        Map<String, String> expected = new HashMap<>();
        Random random = new Random(11);
        for (int batch = 0; batch < 4; batch++) {
            store.beginBatch();
            for (int i = 0; i < 40_000; i++) {
                String key = "key-" + random.nextInt(20_000);
                if (random.nextInt(10) == 0) {
                    store.remove(b(key));
                    expected.remove(key);
                } else {
                    String value = "v".repeat(1 + random.nextInt(300));
                    store.put(b(key), b(value));
                    expected.put(key, value);
                }
            }
            store.commit();
            assertThat(content(store)).isEqualTo(expected);
        }
        assertThat(store.memoryUsedBytes()).as("dead bytes compacted away").isLessThan(40L << 20);
        assertThat(content(StateStore.load(dir, 4, StateStoreConf.DEFAULT))).isEqualTo(expected);
        assertThat(content(StateStore.load(dir, 3, StateStoreConf.DEFAULT))).isNotEqualTo(expected);
    }

    @Test
    void aMissingVersionIsReportedNotTreatedAsEmpty(@TempDir Path dir) {
        StateStore store = StateStore.load(dir, 0, StateStoreConf.DEFAULT);
        store.beginBatch();
        store.put(b("a"), b("1"));
        store.commit();
        assertThatThrownBy(() -> StateStore.load(dir, 3, StateStoreConf.DEFAULT))
                .hasMessageContaining("cannot be loaded at version 3").hasMessageContaining("2.delta is missing");
    }

    @Test
    void oldFilesGoOnceNoRetainedVersionNeedsThem(@TempDir Path dir) throws Exception {
        StateStoreConf conf = new StateStoreConf(5, 10);
        StateStore store = StateStore.load(dir, 0, conf);
        for (int v = 1; v <= 40; v++) {
            store.beginBatch();
            store.put(b("k" + (v % 7)), b("v" + v));
            store.commit();
        }
        String[] left = files(dir);
        assertThat(left).doesNotContain("1.delta", "5.snapshot", "20.delta").contains("25.snapshot", "30.snapshot",
                "26.delta", "40.delta");
        for (int v = 31; v <= 40; v++) {
            assertThat(StateStore.load(dir, v, conf).numKeys()).isEqualTo(7);
        }
    }

    @Test
    void theMapAgreesWithAHashMapUnderRandomPutsAndRemoves(@TempDir Path dir) {
        Random random = new Random(42);
        Map<String, String> reference = new HashMap<>();
        StateStore store = StateStore.load(dir, 0, new StateStoreConf(4, 100));
        for (int batch = 0; batch < 30; batch++) {
            store.beginBatch();
            for (int i = 0; i < 500; i++) {
                String key = "key" + random.nextInt(2000);
                if (random.nextInt(3) == 0) {
                    store.remove(b(key));
                    reference.remove(key);
                } else {
                    String value = "v" + random.nextInt();
                    store.put(b(key), b(value));
                    reference.put(key, value);
                }
            }
            store.commit();
            assertThat(content(store)).isEqualTo(reference);
        }
        assertThat(content(StateStore.load(dir, 30, new StateStoreConf(4, 100)))).isEqualTo(reference);
        assertThat(StateStore.load(dir, 30, new StateStoreConf(4, 100)).memoryUsedBytes()).isPositive();
    }

    @Test
    void aStoreWithDeferredSyncsForcesItsFilesLaterEvenWhenCleanUpDeletedSome(@TempDir Path dir) throws Exception {
        StateStoreConf conf = new StateStoreConf(2, 2);
        StateStore store = StateStore.load(dir, 0, conf, true);
        for (int v = 1; v <= 9; v++) {
            store.beginBatch();
            store.put(b("k" + v), b("v" + v));
            store.commit();
        }
        assertThat(files(dir)).doesNotContain("1.delta");
        store.syncFiles(); // the files clean-up deleted are skipped
        store.syncFiles(); // nothing left to force
        assertThat(content(StateStore.load(dir, 9, conf))).hasSize(9).containsEntry("k9", "v9");
    }

    @Test
    void batchesOfChangesLargerAndSmallerThanAPageReadBackWhole(@TempDir Path dir) {
        // The change log grows its pages from 16 KB to 1 MB and keeps one between batches: records that straddle or
        // exceed a page, after a batch that left a page behind, must come back intact.
        Random random = new Random(7);
        Map<String, String> expected = new HashMap<>();
        StateStore store = StateStore.load(dir, 0, StateStoreConf.DEFAULT);
        int[] valueSizes = {10, 40_000, 3_000_000, 5, 700_000, 100};
        for (int batch = 0; batch < valueSizes.length; batch++) {
            store.beginBatch();
            for (int i = 0; i < 30; i++) {
                String key = "b" + batch + "k" + i;
                char[] value = new char[1 + random.nextInt(valueSizes[batch] / 30 + 1)];
                java.util.Arrays.fill(value, (char) ('a' + random.nextInt(26)));
                store.put(b(key), b(new String(value)));
                expected.put(key, new String(value));
            }
            store.commit();
            assertThat(content(StateStore.load(dir, batch + 1, StateStoreConf.DEFAULT))).isEqualTo(expected);
        }
    }
}
