package io.fluxo.api;

import io.fluxo.types.StructType;
import java.util.ArrayList;
import java.util.List;

/** Spark's {@code show()} table: a header, one line per row, values cut to a width, and a note when rows remain. */
final class ShowFormat {
    private ShowFormat() {
    }

    static String format(StructType schema, List<Row> rows, int numRows, int truncate, java.time.ZoneId zone) {
        int n = Math.min(numRows, rows.size());
        int cols = schema.size();
        List<String[]> cells = new ArrayList<>();
        String[] header = schema.fieldNames().toArray(String[]::new);
        cells.add(cut(header, truncate));
        for (int r = 0; r < n; r++) {
            String[] line = new String[cols];
            for (int c = 0; c < cols; c++) {
                line[c] = ValueText.of(rows.get(r).get(c), zone);
            }
            cells.add(cut(line, truncate));
        }
        int[] widths = new int[cols];
        for (String[] line : cells) {
            for (int c = 0; c < cols; c++) {
                widths[c] = Math.max(Math.max(widths[c], 3), width(line[c]));
            }
        }
        StringBuilder sep = new StringBuilder("+");
        for (int w : widths) {
            sep.append("-".repeat(w)).append('+');
        }
        StringBuilder sb = new StringBuilder();
        sb.append(sep).append('\n');
        for (int i = 0; i < cells.size(); i++) {
            String[] line = cells.get(i);
            sb.append('|');
            for (int c = 0; c < cols; c++) {
                String pad = " ".repeat(widths[c] - width(line[c]));
                sb.append(truncate > 0 ? pad + line[c] : line[c] + pad).append('|');
            }
            sb.append('\n');
            if (i == 0) {
                sb.append(sep).append('\n');
            }
        }
        sb.append(sep).append('\n');
        if (rows.size() > numRows) {
            sb.append("only showing top ").append(numRows).append(numRows == 1 ? " row\n" : " rows\n");
        }
        return sb.toString();
    }

    private static String[] cut(String[] line, int truncate) {
        if (truncate <= 0) {
            return line;
        }
        String[] out = new String[line.length];
        for (int i = 0; i < line.length; i++) {
            String s = line[i];
            out[i] = s.codePointCount(0, s.length()) > truncate
                    ? (truncate < 4 ? s.substring(0, s.offsetByCodePoints(0, truncate))
                            : s.substring(0, s.offsetByCodePoints(0, truncate - 3)) + "...")
                    : s;
        }
        return out;
    }

    private static int width(String s) {
        return s.codePointCount(0, s.length());
    }
}
