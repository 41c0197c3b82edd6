package io.fluxo.connector.socket;

import io.fluxo.connector.spi.InputPartition;
import io.fluxo.connector.spi.MicroBatchStream;
import io.fluxo.connector.spi.PartitionReader;
import io.fluxo.errors.AnalysisException;
import io.fluxo.errors.FluxoRuntimeException;
import io.fluxo.types.DataTypes;
import io.fluxo.types.StructField;
import io.fluxo.types.StructType;
import io.fluxo.vector.BytesVector;
import io.fluxo.vector.ColumnBatch;
import io.fluxo.vector.ColumnVector;
import io.fluxo.vector.LongVector;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Lines of text read from a TCP socket, as Spark's {@code socket} source: for demos and tests only. The lines live
 * only in this JVM, so it cannot replay a batch after a crash, and a restarted query starts over with the lines that
 * arrive on its new connection. Offsets count lines; after a restart, numbering continues from the checkpoint's.
 */
public final class SocketStream implements MicroBatchStream {
    private final String host;
    private final int port;
    private final boolean includeTimestamp;
    private final StructType schema;
    private final List<byte[]> lines = new ArrayList<>();
    private final List<Long> arrivalMicros = new ArrayList<>();
    /** The offset of the first line this connection received: the committed offset of the run it belongs to. */
    private long base = -1;
    private Socket socket;
    private Thread readerThread;
    private volatile IOException readFailure;

    public SocketStream(Map<String, String> options) {
        this.host = option(options, "host");
        String portText = option(options, "port");
        try {
            this.port = Integer.parseInt(portText.trim());
        } catch (NumberFormatException e) {
            throw new AnalysisException("INVALID_OPTION_VALUE", "Invalid value '" + portText + "' for option 'port': "
                    + "expected a port number.");
        }
        String ts = options.getOrDefault("includeTimestamp", "false").trim().toLowerCase(Locale.ROOT);
        this.includeTimestamp = ts.equals("true");
        List<StructField> fields = new ArrayList<>();
        fields.add(new StructField("value", DataTypes.StringType, true));
        if (includeTimestamp) {
            fields.add(new StructField("timestamp", DataTypes.TimestampType, true));
        }
        this.schema = new StructType(fields);
    }

    private static String option(Map<String, String> options, String key) {
        String value = options.get(key);
        if (value == null) {
            throw new AnalysisException("SOCKET_OPTION_MISSING", "The socket source needs the option '" + key
                    + "' (host and port).");
        }
        return value;
    }

    @Override
    public StructType schema() {
        return schema;
    }

    @Override
    public String description() {
        return "TextSocketV2[host: " + host + ", port: " + port + "]";
    }

    @Override
    public void open(java.nio.file.Path checkpointDir) throws IOException {
        socket = new Socket(host, port);
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        readerThread = new Thread(() -> {
            try {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    long now = System.currentTimeMillis() * 1000;
                    synchronized (this) {
                        lines.add(line.getBytes(StandardCharsets.UTF_8));
                        arrivalMicros.add(now);
                    }
                }
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    readFailure = e;
                }
            }
        }, "fluxo-socket-" + host + ":" + port);
        readerThread.setDaemon(true);
        readerThread.start();
    }

    @Override
    public String initialOffset() {
        return "0";
    }

    @Override
    public synchronized String latestOffset(String start) throws IOException {
        if (readFailure != null) {
            throw new IOException("reading the socket " + host + ":" + port + " failed: " + readFailure.getMessage(),
                    readFailure);
        }
        if (base < 0) {
            base = Long.parseLong(start);
        }
        return Long.toString(base + lines.size());
    }

    @Override
    public synchronized List<InputPartition> planInputPartitions(String start, String end) {
        long from = Long.parseLong(start);
        long to = Long.parseLong(end);
        if (base < 0) {
            base = from;
        }
        if (from < base || to > base + lines.size()) {
            throw new FluxoRuntimeException("SOCKET_CANNOT_REPLAY", "The socket source cannot replay lines (" + start
                    + ", " + end + "]: they were received by an earlier run. The socket source is not fault-tolerant; "
                    + "use it only for demos and tests.");
        }
        int n = (int) (to - from);
        BytesVector values = BytesVector.strings(n);
        long[] times = new long[n];
        for (int i = 0; i < n; i++) {
            int line = (int) (from - base) + i;
            values.append(lines.get(line));
            times[i] = arrivalMicros.get(line);
        }
        ColumnVector[] columns = includeTimestamp
                ? new ColumnVector[] {values, LongVector.wrap(DataTypes.TimestampType, times, n, null)}
                : new ColumnVector[] {values};
        return List.of(new Lines(new ColumnBatch(columns, n)));
    }

    @Override
    public PartitionReader createReader(InputPartition partition, int[] requiredColumns) {
        ColumnBatch batch = ((Lines) partition).batch();
        return new PartitionReader() {
            private boolean done;

            @Override
            public ColumnBatch next() {
                if (done || batch.numRows() == 0) {
                    return null;
                }
                done = true;
                return batch.selectColumns(requiredColumns);
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public void stop() {
        try {
            if (socket != null) {
                socket.close();
            }
        } catch (IOException ignored) {
            // Closing is best effort: the query is ending anyway.
        }
    }

    private record Lines(ColumnBatch batch) implements InputPartition {
        public String description() {
            return batch.numRows() + " lines";
        }
    }
}
