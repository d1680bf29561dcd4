package dev.fapilog.core;

import dev.fapilog.spi.CallerCapture;
import dev.fapilog.spi.Enricher;
import dev.fapilog.spi.Fatal;
import java.util.List;

/** Runs the runtime's {@link CallerCapture} on the caller thread so that its failure never reaches the application. */
final class CallerCaptures {
    private final CallerCapture capture;
    private final DiagnosticsChannel diagnostics;

    private CallerCaptures(CallerCapture capture, DiagnosticsChannel diagnostics) {
        this.capture = capture;
        this.diagnostics = diagnostics;
    }

    /** The first enricher that captures on the caller thread, or {@code null} when none does (the usual case). */
    static CallerCaptures of(List<Enricher> enrichers, DiagnosticsChannel diagnostics) {
        for (Enricher e : enrichers) {
            if (e instanceof CallerCapture) {
                return new CallerCaptures((CallerCapture) e, diagnostics);
            }
        }
        return null;
    }

    Object safeCapture() {
        try {
            return capture.capture();
        } catch (Throwable failure) {
            Fatal.rethrowIfFatal(failure);
            diagnostics.warn(
                    "enricher",
                    "capture_failed",
                    "A caller-side capture threw; the event goes on without it",
                    "error",
                    failure.toString());
            return null;
        }
    }
}
