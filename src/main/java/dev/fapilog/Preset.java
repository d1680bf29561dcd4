package dev.fapilog;

import java.util.Locale;
import java.util.Optional;

/**
 * Named bundles of settings. A preset sits between built-in defaults and explicit settings: explicit settings win
 * over the preset, and the preset wins over the defaults. The exact settings of each preset are listed in
 * {@code docs/reference/presets.md}.
 */
public enum Preset {
    /** Local development: DEBUG, one event per batch, readable console output, no redaction. */
    DEV("dev"),
    /** Services in production: INFO, JSON lines, bounded waits on a full queue, credential redaction. */
    PRODUCTION("production"),
    /** Short-lived functions: INFO, small batches, JSON lines, drop on full, credential redaction. */
    SERVERLESS("serverless"),
    /**
     * Regulated workloads: redaction fails closed, compliance redaction presets, a rotating file next to stdout
     * ({@code ./logs}, 50 MB per file, 10 gzipped files kept, readable by the owner only).
     */
    HARDENED("hardened"),
    /** Defaults with every redactor removed. */
    MINIMAL("minimal");

    private final String id;

    Preset(String id) {
        this.id = id;
    }

    /** The lower-case name used in configuration ({@code fapilog.preset=production}). */
    public String id() {
        return id;
    }

    /** Finds a preset by its configuration name, ignoring case. */
    public static Optional<Preset> byId(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String wanted = id.trim().toLowerCase(Locale.ROOT);
        for (Preset p : values()) {
            if (p.id.equals(wanted)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
