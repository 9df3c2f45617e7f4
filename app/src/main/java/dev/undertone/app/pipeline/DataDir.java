package dev.undertone.app.pipeline;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The data directory ({@code --data}): its layout, and a lock so that only one process writes it.
 *
 * <pre>
 *   DATA/journal/     the durable log of raw records
 *   DATA/index/       the Lucene index
 *   DATA/rejected/    records that could not be decoded, with the reason
 * </pre>
 */
public final class DataDir implements AutoCloseable {
    private static final String LOCK_FILE = ".lock";

    private final Path root;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private DataDir(Path root, FileChannel lockChannel, FileLock lock) {
        this.root = root;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** The layout without taking the lock (for readers such as {@code serve} and {@code stats}). */
    public static Path indexPath(Path root) {
        return root.resolve("index");
    }

    /**
     * Creates the directory if needed and locks it for writing.
     *
     * @throws PipelineException when it cannot be created or written, or another process holds it
     */
    public static DataDir openForWriting(Path root) {
        Path abs = root.toAbsolutePath().normalize();
        try {
            Files.createDirectories(abs);
            Path lockPath = abs.resolve(LOCK_FILE);
            FileChannel ch =
                    FileChannel.open(
                            lockPath,
                            StandardOpenOption.CREATE,
                            StandardOpenOption.READ,
                            StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (java.nio.channels.OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                ch.close();
                throw new PipelineException(
                        "the data directory "
                                + abs
                                + " is in use by another undertone process; stop it, or pass"
                                + " another --data directory");
            }
            ch.truncate(0);
            ch.write(
                    ByteBuffer.wrap(
                            Long.toString(ProcessHandle.current().pid())
                                    .getBytes(StandardCharsets.US_ASCII)));
            return new DataDir(abs, ch, lock);
        } catch (IOException e) {
            throw new PipelineException(
                    "cannot use "
                            + abs
                            + " as the data directory ("
                            + reason(e)
                            + "); pass a writable directory with --data",
                    e);
        }
    }

    /** What went wrong, in words: file-system exceptions often carry only the path. */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "a file of that name is in the way";
        }
        if (e instanceof NoSuchFileException) {
            return "a parent directory does not exist and cannot be created";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    public Path root() {
        return root;
    }

    public Path journal() {
        return root.resolve("journal");
    }

    public Path index() {
        return indexPath(root);
    }

    public Path rejected() {
        return root.resolve("rejected");
    }

    @Override
    public void close() {
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            // The lock goes away with the process anyway.
        }
    }
}
