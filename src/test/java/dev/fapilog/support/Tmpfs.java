package dev.fapilog.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A small tmpfs mounted for one test, for real disk-full and read-only faults. Needs root (the test command runs as
 * root); where mounting is refused, the test is skipped with the reason, visibly.
 */
public final class Tmpfs implements AutoCloseable {
    private final Path mountPoint;

    private Tmpfs(Path mountPoint) {
        this.mountPoint = mountPoint;
    }

    /**
     * Mounts a tmpfs of {@code size} (such as {@code 512k}) at {@code mountPoint}, created if needed.
     *
     * @param readOnly mount it read-only (then no file can be created in it, not even by root)
     */
    public static Tmpfs mount(Path mountPoint, String size, boolean readOnly) throws IOException, InterruptedException {
        Files.createDirectories(mountPoint);
        String options = "size=" + size + ",mode=0777" + (readOnly ? ",ro" : "");
        String refused = run("mount", "-t", "tmpfs", "-o", options, "tmpfs", mountPoint.toString());
        Assumptions.assumeTrue(refused == null, () -> "skipped: mounting a tmpfs was refused here: " + refused);
        return new Tmpfs(mountPoint);
    }

    public Path path() {
        return mountPoint;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        String failed = run("umount", mountPoint.toString());
        if (failed != null) {
            run("umount", "-l", mountPoint.toString());
        }
    }

    /** Runs a command; {@code null} when it succeeded, else its output. */
    private static String run(String... command) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException notThere) {
            return notThere.toString();
        }
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return "timed out";
        }
        return p.exitValue() == 0 ? null : out.trim() + " (exit " + p.exitValue() + ")";
    }
}
