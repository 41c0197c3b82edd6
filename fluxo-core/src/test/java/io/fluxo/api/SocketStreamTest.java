package io.fluxo.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The socket source reads lines from a real TCP connection. */
class SocketStreamTest {

    @Test
    void linesFromASocketBecomeRows(@TempDir Path chk) throws Exception {
        try (Session spark = Session.builder().create();
                ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            DataFrame lines = spark.readStream().format("socket").option("host", "127.0.0.1")
                    .option("port", server.getLocalPort()).option("includeTimestamp", true).load();
            assertThat(lines.schema().toDDL()).isEqualTo("value STRING, timestamp TIMESTAMP");
            List<String> seen = Collections.synchronizedList(new ArrayList<>());
            StreamingQuery q = lines.selectExpr("upper(value)", "timestamp IS NOT NULL").writeStream()
                    .option("checkpointLocation", chk.toString())
                    .foreachBatch((df, id) -> df.collectAsList().forEach(r -> seen.add(r.get(0) + "," + r.get(1))))
                    .start();
            try (Socket client = server.accept()) {
                OutputStream out = client.getOutputStream();
                out.write("hello\nsocket wörld\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (seen.size() < 2 && System.nanoTime() < deadline) {
                    q.processAllAvailable();
                }
            }
            q.stop();
            assertThat(seen).containsExactly("HELLO,true", "SOCKET WÖRLD,true");
        }
    }

    @Test
    void hostAndPortAreRequired() {
        try (Session spark = Session.builder().create()) {
            assertThatThrownBy(() -> spark.readStream().format("socket").option("host", "localhost").load())
                    .hasMessageContaining("'port'");
            assertThatThrownBy(() -> spark.readStream().format("socket").option("host", "localhost")
                    .option("port", "http").load()).hasMessageContaining("Invalid value 'http' for option 'port'");
        }
    }
}
