package dev.fapilog.core;

import dev.fapilog.SinkState;
import dev.fapilog.config.EngineSettings;

/** What a {@link SinkRunner} reports on the diagnostics channel: one method per event, each naming the sink. */
final class SinkReports implements CircuitBreaker.Listener {
    private final DiagnosticsChannel diagnostics;
    private final String sink;
    private final EngineSettings.SinkDelivery delivery;

    SinkReports(DiagnosticsChannel diagnostics, String sink, EngineSettings.SinkDelivery delivery) {
        this.diagnostics = diagnostics;
        this.sink = sink;
        this.delivery = delivery;
    }

    @Override
    public void moved(SinkState.Circuit to, int failures, String lastError) {
        if (to == SinkState.Circuit.OPEN) {
            diagnostics.warn(
                    "sink",
                    "circuit_open",
                    "Sink circuit opened after failures in a row; its batches go to the fallback or are dropped"
                            + " (circuit_open) until a probe succeeds",
                    "sink",
                    sink,
                    "failures",
                    failures,
                    "fallback",
                    delivery.fallback(),
                    "recovery_ms",
                    delivery.recovery().toMillis(),
                    "error",
                    lastError);
        } else if (to == SinkState.Circuit.CLOSED) {
            diagnostics.info(
                    "sink",
                    "circuit_closed",
                    "Sink circuit closed: the probe succeeded, batches are written again",
                    "sink",
                    sink);
        } else {
            diagnostics.info(
                    "sink",
                    "circuit_half_open",
                    "Sink circuit half-open: the next batch is written as a probe",
                    "sink",
                    sink);
        }
    }

    void writeTimedOut(int events) {
        diagnostics.warn(
                "sink",
                "write_timeout",
                "Sink write exceeded its deadline; the batch counts as failed(timeout) and the sink is skipped until"
                        + " the call returns",
                "sink",
                sink,
                "timeout_ms",
                delivery.timeout().toMillis(),
                "events",
                events);
    }

    void writeFailed(int events, int attempts, Throwable failure) {
        diagnostics.warn(
                "sink",
                "write_failed",
                "Sink write failed; the batch counts as failed",
                "sink",
                sink,
                "events",
                events,
                "attempts",
                attempts,
                "error",
                failure.toString());
    }

    void backlogShed() {
        diagnostics.warn(
                "sink",
                "sink_backlog",
                "A sink fell behind (while another waited for work, or with too many batches waiting); its oldest"
                        + " waiting batch counts as dropped(sink_backlog), so the other sinks are not held up",
                "sink",
                sink);
    }

    void recovered() {
        diagnostics.info(
                "sink",
                "recovered",
                "Sink call returned after its deadline; the sink takes batches again",
                "sink",
                sink);
    }

    void callFailed(String what, Throwable failure) {
        diagnostics.warn(
                "sink", what + "_failed", "Sink " + what + " failed", "sink", sink, "error", failure.toString());
    }
}
