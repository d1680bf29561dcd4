package dev.fapilog.support;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a class's {@code main} in a fresh JVM with the test class path, for behaviour that is per-JVM. */
public final class ChildJvm {
    public record Result(int exitCode, String stdout, String stderr) {}

    private ChildJvm() {}

    public static Result run(Class<?> main, List<String> jvmArgs, String... args) throws Exception {
        return run(main, jvmArgs, java.util.Map.of(), args);
    }

    /** Runs with extra environment variables (after every inherited {@code FAPILOG_*} variable is removed). */
    public static Result run(Class<?> main, List<String> jvmArgs, java.util.Map<String, String> env, String... args)
            throws Exception {
        return run(main, jvmArgs, env, null, args);
    }

    /** Runs in {@code workDir} (where relative paths such as a default {@code logs} directory resolve). */
    public static Result run(
            Class<?> main,
            List<String> jvmArgs,
            java.util.Map<String, String> env,
            java.nio.file.Path workDir,
            String... args)
            throws Exception {
        Process p = start(main, jvmArgs, env, workDir, args);
        // Read both streams fully, concurrently, so a chatty child never blocks on a full pipe.
        var out = java.util.concurrent.CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
        var err = java.util.concurrent.CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("child JVM did not finish in 60 s");
        }
        return new Result(p.exitValue(), out.get(), err.get());
    }

    /** Starts the child and returns at once; the caller reads its streams and ends it. */
    public static Process start(
            Class<?> main,
            List<String> jvmArgs,
            java.util.Map<String, String> env,
            java.nio.file.Path workDir,
            String... args)
            throws java.io.IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(main.getName());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().keySet().removeIf(k -> k.startsWith("FAPILOG_"));
        pb.environment().putAll(env);
        if (workDir != null) {
            pb.directory(workDir.toFile());
        }
        return pb.start();
    }

    private static String read(java.io.InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return "<unreadable: " + e + ">";
        }
    }
}
