package io.fluxo.connector.file;

import io.fluxo.errors.AnalysisException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Expands the paths a user gives to the files to read, as Spark does: a file is itself; a directory is its files
 * (not its subdirectories unless {@code recursiveFileLookup=true}), skipping hidden names, those starting with
 * {@code .} or {@code _} (temporary files of writers, {@code _SUCCESS}); a path with glob characters ({@code * ? [ {})
 * is a {@code glob:} pattern whose matching files and directories are expanded the same way. {@code pathGlobFilter}
 * keeps only files whose name matches a glob. A path that matches nothing is {@code [PATH_NOT_FOUND]}.
 * A directory written by a streaming file sink (it holds {@code _fluxo_metadata/}) is the files its manifest lists.
 */
public final class FileListing {
    private FileListing() {
    }

    /** The files of one user path, sorted. */
    public static List<Path> listFiles(String path, FileOptions options) throws IOException {
        return listFiles(List.of(path), options);
    }

    /** The files of several user paths, sorted and without duplicates. */
    public static List<Path> listFiles(List<String> paths, FileOptions options) throws IOException {
        boolean recursive = options.getBoolean("recursiveFileLookup", false);
        PathMatcher nameFilter = null;
        String filter = options.getString("pathGlobFilter", null);
        if (filter != null) {
            try {
                nameFilter = FileSystems.getDefault().getPathMatcher("glob:" + filter);
            } catch (IllegalArgumentException e) {
                throw FileOptions.invalid("pathGlobFilter", filter, "a glob pattern");
            }
        }
        TreeSet<Path> out = new TreeSet<>();
        for (String given : paths) {
            String p = given.startsWith("file:") ? Paths.get(java.net.URI.create(given)).toString() : given;
            boolean globbed = hasGlob(p);
            List<Path> roots = globbed ? glob(p) : List.of(Paths.get(p).toAbsolutePath().normalize());
            boolean found = false;
            for (Path root : roots) {
                if (globbed && isHidden(root)) {
                    continue;
                }
                if (Files.isDirectory(root) && !globbed && FileSinkManifest.existsIn(root)) {
                    // Written by a streaming file sink: only committed batches' files are data.
                    found = true;
                    out.addAll(FileSinkManifest.of(root).files());
                } else if (Files.isDirectory(root)) {
                    found = true;
                    addDirectory(root, recursive, nameFilter, out);
                } else if (Files.exists(root)) {
                    found = true;
                    if (nameFilter == null || nameFilter.matches(root.getFileName())) {
                        out.add(root);
                    }
                }
            }
            if (!found) {
                throw new AnalysisException("PATH_NOT_FOUND", "Path does not exist: " + display(absolute(p)) + ".",
                        Map.of("path", display(absolute(p))));
            }
        }
        return new ArrayList<>(out);
    }

    /** Files found under one folder, each with the partition values of the {@code name=value} folders above it. */
    public record PartitionedFile(Path file, Path root, java.util.LinkedHashMap<String, String> partitionValues) {
    }

    /**
     * As {@link #listFiles(List, FileOptions)}, with partition discovery as Spark's: a folder given as a path (not a
     * glob, not {@code recursiveFileLookup}) also contributes the files of its {@code name=value} subfolders, with
     * those values. A folder written by a file sink is its manifest's files, partition folders included.
     */
    public static List<PartitionedFile> listPartitioned(List<String> paths, FileOptions options) throws IOException {
        boolean recursive = options.getBoolean("recursiveFileLookup", false);
        List<PartitionedFile> out = new ArrayList<>();
        for (String given : paths) {
            String p = given.startsWith("file:") ? Paths.get(java.net.URI.create(given)).toString() : given;
            Path root = Paths.get(p).toAbsolutePath().normalize();
            if (hasGlob(p) || recursive || !Files.isDirectory(root)) {
                for (Path f : listFiles(List.of(given), options)) {
                    out.add(new PartitionedFile(f, f.getParent(), new java.util.LinkedHashMap<>()));
                }
                continue;
            }
            TreeSet<Path> files = new TreeSet<>();
            if (FileSinkManifest.existsIn(root)) {
                files.addAll(FileSinkManifest.of(root).files());
            } else {
                addPartitionFolders(root, files);
            }
            for (Path f : files) {
                out.add(new PartitionedFile(f, root, PartitionPaths.valuesOf(root, f)));
            }
        }
        return out;
    }

    private static void addPartitionFolders(Path dir, TreeSet<Path> out) throws IOException {
        try (Stream<Path> children = Files.list(dir)) {
            for (Path child : (Iterable<Path>) children::iterator) {
                if (isHidden(child)) {
                    continue;
                }
                if (Files.isDirectory(child)) {
                    if (child.getFileName().toString().indexOf('=') > 0) {
                        addPartitionFolders(child, out);
                    }
                } else {
                    out.add(child.toAbsolutePath().normalize());
                }
            }
        }
    }

    /** A path as Spark shows it in messages: {@code file:/abs/path}. */
    public static String display(Path path) {
        return "file:" + path.toAbsolutePath().normalize();
    }

    /** Names that readers skip inside directories: writers' temporary files and markers. */
    public static boolean isHidden(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(".") || name.startsWith("_") || name.endsWith("._COPYING_");
    }

    private static Path absolute(String p) {
        return Paths.get(p).toAbsolutePath().normalize();
    }

    private static void addDirectory(Path dir, boolean recursive, PathMatcher nameFilter, TreeSet<Path> out)
            throws IOException {
        try (Stream<Path> children = Files.list(dir)) {
            for (Path child : (Iterable<Path>) children::iterator) {
                if (isHidden(child)) {
                    continue;
                }
                if (Files.isDirectory(child)) {
                    if (recursive) {
                        addDirectory(child, true, nameFilter, out);
                    }
                } else if (nameFilter == null || nameFilter.matches(child.getFileName())) {
                    out.add(child.toAbsolutePath().normalize());
                }
            }
        }
    }

    static boolean hasGlob(String p) {
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '*' || c == '?' || c == '[' || c == '{') {
                return true;
            }
        }
        return false;
    }

    /** Files and directories matching a glob, searched from its longest literal directory prefix. */
    private static List<Path> glob(String pattern) throws IOException {
        String abs = pattern.startsWith("/") ? pattern : Paths.get("").toAbsolutePath() + "/" + pattern;
        String[] parts = abs.split("/");
        StringBuilder base = new StringBuilder();
        int depth = 0;
        for (String part : parts) {
            if (hasGlob(part)) {
                break;
            }
            if (!part.isEmpty()) {
                base.append('/').append(part);
            }
            depth++;
        }
        Path root = Paths.get(base.length() == 0 ? "/" : base.toString()).normalize();
        int patternDepth = parts.length - depth;
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        PathMatcher matcher;
        try {
            matcher = FileSystems.getDefault().getPathMatcher("glob:" + abs.replaceAll("/+", "/"));
        } catch (IllegalArgumentException e) {
            throw new AnalysisException("PATH_NOT_FOUND", "Invalid glob pattern: " + pattern + ".", e);
        }
        List<Path> matches = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root, patternDepth)) {
            walk.filter(p -> !p.equals(root) && matcher.matches(p)).forEach(matches::add);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        matches.sort(null);
        return matches;
    }
}
