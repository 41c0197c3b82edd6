package io.fluxo.connector.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.fluxo.connector.file.internal.LineNumbers;
import io.fluxo.connector.file.internal.LineReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Any way of cutting a file into splits reads each line exactly once (Hadoop's rule). */
class LineReaderTest {
    private static List<String> lines(Path f, long start, long end, byte[] sep, int buffer) throws Exception {
        List<String> out = new ArrayList<>();
        try (LineReader r = new LineReader(f, start, end, sep, buffer)) {
            while (r.next()) {
                out.add(new String(r.buffer(), r.lineStart(), r.lineEnd() - r.lineStart(), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    @Property(tries = 200)
    void splitsReadEachLineOnce(@ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int splitSize,
            @ForAll @IntRange(min = 0, max = 2) int separatorKind) throws Exception {
        Random random = new Random(seed);
        String sep = separatorKind == 0 ? null : separatorKind == 1 ? "|" : "<>";
        StringBuilder sb = new StringBuilder();
        List<String> expected = new ArrayList<>();
        int n = random.nextInt(30);
        for (int i = 0; i < n; i++) {
            StringBuilder line = new StringBuilder();
            for (int k = random.nextInt(8); k > 0; k--) {
                line.append("ab<é>".charAt(random.nextInt(5)));
            }
            if (sep != null && line.indexOf(sep) >= 0 || (sep != null && line.toString().endsWith("<"))) {
                line.setLength(0);
            }
            expected.add(line.toString());
            sb.append(line);
            if (i < n - 1 || random.nextBoolean()) {
                sb.append(sep != null ? sep : new String[] {"\n", "\r\n", "\r"}[random.nextInt(3)]);
            }
        }
        expected = reference(sb.toString(), sep);
        Path f = Files.createTempFile("lines", ".txt");
        try {
            Files.writeString(f, sb.toString(), StandardCharsets.UTF_8);
            long size = Files.size(f);
            byte[] sepBytes = sep == null ? null : sep.getBytes(StandardCharsets.UTF_8);
            List<String> all = new ArrayList<>();
            for (long start = 0; start < size; start += splitSize) {
                all.addAll(lines(f, start, Math.min(size, start + splitSize), sepBytes, 64));
            }
            assertThat(all).isEqualTo(lines(f, 0, size, sepBytes, 64));
            assertThat(all).isEqualTo(expected);
        } finally {
            Files.delete(f);
        }
    }

    /** Lines by a plain split: the text after the last separator is a line unless it is empty. */
    private static List<String> reference(String text, String sep) {
        List<String> out = new ArrayList<>(List.of(text.split(sep == null ? "\r\n|\r|\n"
                : java.util.regex.Pattern.quote(sep), -1)));
        if (out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    @Property(tries = 20)
    void longLinesGrowTheBuffer(@ForAll @IntRange(min = 1, max = 5000) int length) throws Exception {
        Path f = Files.createTempFile("long", ".txt");
        try {
            String line = "x".repeat(length);
            Files.writeString(f, line + "\n" + line + "\r\n");
            assertThat(lines(f, 0, Files.size(f), null, 64)).containsExactly(line, line);
            assertThat(LineNumbers.lineAt(f, length + 1, null)).isEqualTo(2);
        } finally {
            Files.delete(f);
        }
    }
}
