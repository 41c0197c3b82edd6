package io.fluxo.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Every example runs and prints what its comment promises. */
class ExamplesTest {
    interface Main {
        void run() throws Exception;
    }

    private static String output(Main main) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            main.run();
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void batchQuickstart() throws Exception {
        String out = output(() -> BatchQuickstart.main(new String[0]));
        // BR: 2*10 + 5*3 + 3*20 = 95 over 3 orders; PT: 99.5 + 0.5 = 100 over 2.
        assertThat(out).contains("|     PT|  100.0|     2| 50.0|").contains("|     BR|   95.0|     3|31.67|")
                .contains("Top country: PT");
    }

    @Test
    void readWriteFiles() throws Exception {
        String out = output(() -> ReadWriteFiles.main(new String[0]));
        assertThat(out).contains("wrote day=2024-03-01").contains("wrote day=2024-03-02")
                .contains(" |-- day: date (nullable = true)")
                .contains("|2024-03-01|      17.75|").contains("|2024-03-02|        3.0|");
    }

    @Test
    void streamFilesToFiles() throws Exception {
        String out = output(() -> StreamFilesToFiles.main(new String[0]));
        assertThat(out).contains("run 1 read 2 rows").contains("run 2 read 1 rows (same query id: true)")
                .contains("|  1|   TEA|  2|").contains("|  3|COFFEE|  1|").doesNotContain("CAKE");
    }

    @Test
    void streamFromMemory() throws Exception {
        String out = output(() -> StreamFromMemory.main(new String[0]));
        assertThat(out).contains("batch 0:").contains("| ana|    30|").doesNotContain("bia")
                .contains("batch 1:").contains("|caio|    10|").contains("progress: batch 1, 1 rows")
                .contains("\"numInputRows\" : 1");
    }

    @Test
    void nexmarkHighestBid() throws Exception {
        String out = output(() -> NexmarkHighestBid.main(new String[0]));
        // A minute of events in 10-second windows with a 4 s watermark: windows ending at 10..50 s close, 60 s stays
        // open; the first starts at the reference's base time, 2015-07-15T00:00:00Z.
        assertThat(out).contains("window ending 2015-07-15T00:00:10Z: auction ").contains("window ending 2015-07-15T00:00:50Z")
                .doesNotContain("window ending 2015-07-15T00:01:00Z").contains("5 windows closed, 6 in the batch answer; "
                        + "closed ones agree");
    }

    @Test
    void userSessions() throws Exception {
        String out = output(() -> UserSessions.main(new String[0]));
        // The watermark (latest click - 10 s) passes ana's 40 s + 30 s and bia's 70 s + 30 s only after caio's click
        // at 200 s; bia's clicks at 5 s and 70 s arrived before any timeout could fire, so they are one session.
        assertThat(out).contains("session closed: ana: 3 clicks from 2023-11-14T22:13:20Z to 2023-11-14T22:14:00Z")
                .contains("session closed: bia: 2 clicks from 2023-11-14T22:13:25Z to 2023-11-14T22:14:30Z")
                .doesNotContain("caio");
    }

    @Test
    void rateToNoop() throws Exception {
        String out = output(() -> RateToNoop.main(new String[] {"100000"}));
        assertThat(out).containsPattern("100000 rows in \\d+ ms: \\d+ rows/s");
    }
}
