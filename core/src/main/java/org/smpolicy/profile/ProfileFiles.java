package org.smpolicy.profile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import org.smpolicy.diagnostic.Diagnostic;

/**
 * Reads the files of a profile directory as hostile input: regular files only (never a FIFO, a
 * device or a directory), inside the directory after links are resolved, within a size limit,
 * UTF-8 text. Errors name the file and never echo its content.
 */
final class ProfileFiles {

    /** Largest profile.json or overlay file. */
    static final int MAX_FILE_BYTES = 256 * 1024;
    /** Largest total of one profile's files. */
    static final int MAX_PROFILE_BYTES = 1024 * 1024;
    /** Most overlay files in one profile. */
    static final int MAX_OVERLAYS = 64;

    private final Path realDir;
    /** The files by name, for a profile that travelled as data (no directory); null for a directory. */
    private final java.util.Map<String, byte[]> memory;
    private final Path dir;
    private long total;

    private ProfileFiles(Path realDir, Path dir) {
        this.realDir = realDir;
        this.memory = null;
        this.dir = dir;
    }

    private ProfileFiles(Path label, java.util.Map<String, byte[]> files) {
        this.realDir = null;
        this.memory = java.util.Map.copyOf(files);
        this.dir = label;
    }

    /**
     * @param label what to call the profile in messages (where it came from)
     * @param files file name to content: {@code profile.json}, overlays, a holiday feed; no directories
     * @return a reader of those files with the same limits as a directory's
     */
    static ProfileFiles inMemory(Path label, java.util.Map<String, byte[]> files) {
        return new ProfileFiles(label, files);
    }

    /** @return whether the profile has this file (never following a link) */
    boolean exists(Path file) {
        return memory != null ? memory.containsKey(file.getFileName().toString())
                : Files.exists(file, LinkOption.NOFOLLOW_LINKS);
    }

    /** @return the overlay files ({@code *.drl}), in name order */
    java.util.List<Path> overlays() throws IOException {
        if (memory != null) {
            return memory.keySet().stream().filter(n -> n.endsWith(".drl")).sorted().map(dir::resolve).toList();
        }
        try (java.util.stream.Stream<Path> listing = Files.list(dir)) {
            return listing.filter(f -> f.getFileName().toString().endsWith(".drl")).sorted().toList();
        }
    }

    /**
     * @param dir a profile directory
     * @return a reader for its files
     * @throws IOException when the directory cannot be resolved
     */
    static ProfileFiles in(Path dir) throws IOException {
        return new ProfileFiles(dir.toRealPath(), dir);
    }

    /**
     * Reads one file of the profile.
     *
     * @param file the file, inside the directory
     * @return its text, or a one-line problem ({@code file:1: ...})
     */
    Result read(Path file) {
        if (memory != null) {
            byte[] bytes = memory.get(dir.relativize(file.normalize()).toString());
            return bytes == null ? Result.problem(Diagnostic.profile(file.toString(), 1, "missing file")) : text(file, bytes);
        }
        try {
            // Every link resolved, the file itself or a directory on its way: it must end inside the profile.
            Path real = file.toRealPath();
            if (!real.startsWith(realDir)) {
                return Result.problem(Diagnostic.profile(file.toString(), 1, "is a link to a file outside the profile directory; profile files must be inside it"));
            }
            BasicFileAttributes attrs = Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!attrs.isRegularFile()) {
                return Result.problem(Diagnostic.profile(file.toString(), 1, "is not a regular file"));
            }
            if (hardLinks(real) > 1) {
                return Result.problem(Diagnostic.profile(file.toString(), 1, "has more than one name (a hard link); a profile file must be the profile's own"));
            }
            if (attrs.size() > MAX_FILE_BYTES) {
                return Result.problem(Diagnostic.profile(file.toString(), 1, "is larger than " + MAX_FILE_BYTES / 1024 + " KiB"));
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(real, LinkOption.NOFOLLOW_LINKS)) {
                bytes = in.readNBytes(MAX_FILE_BYTES + 1);
            }
            return text(file, bytes);
        } catch (IOException | SecurityException e) {
            return Result.problem(Diagnostic.profile(file.toString(), 1, "cannot be read (" + e.getClass().getSimpleName() + ")"));
        }
    }

    /** The size limits and UTF-8, wherever the bytes came from. */
    private Result text(Path file, byte[] bytes) {
        if (bytes.length > MAX_FILE_BYTES) {
            return Result.problem(Diagnostic.profile(file.toString(), 1, "is larger than " + MAX_FILE_BYTES / 1024 + " KiB"));
        }
        total += bytes.length;
        if (total > MAX_PROFILE_BYTES) {
            return Result.problem(Diagnostic.profile(file.toString(), 1, "the profile's files add up to more than " + MAX_PROFILE_BYTES / 1024 + " KiB"));
        }
        try {
            return new Result(Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString()), null);
        } catch (CharacterCodingException e) {
            return Result.problem(Diagnostic.profile(file.toString(), 1, "is not UTF-8 text"));
        }
    }

    private static int hardLinks(Path real) throws IOException {
        try {
            return (Integer) Files.getAttribute(real, "unix:nlink", LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return 1; // a file system without link counts cannot have been given a hard link we could see
        }
    }

    /** A file's text, or why it was not read. */
    record Result(Optional<String> text, Diagnostic problem) {
        static Result problem(Diagnostic p) {
            return new Result(Optional.empty(), p);
        }
    }
}
