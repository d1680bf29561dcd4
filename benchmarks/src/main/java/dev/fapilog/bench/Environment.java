package dev.fapilog.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the results were measured on. */
final class Environment {
    private Environment() {}

    static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("cpu", cpuModel());
        m.put(
                "os",
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"));
        m.put("memory_gb", memoryGb());
        return m;
    }

    static Map<String, Object> jvm() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", System.getProperty("java.runtime.version"));
        m.put("vendor", System.getProperty("java.vendor"));
        m.put("vm", System.getProperty("java.vm.name"));
        m.put("gc", "G1 (default)");
        return m;
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (Exception unknown) {
            // Not Linux: fall through.
        }
        return System.getProperty("os.arch");
    }

    private static long memoryGb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / (1024 * 1024);
                }
            }
        } catch (Exception unknown) {
            // Not Linux.
        }
        return -1;
    }
}
