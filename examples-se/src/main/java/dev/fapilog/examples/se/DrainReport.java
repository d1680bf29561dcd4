package dev.fapilog.examples.se;

import dev.fapilog.cdi.FapilogDrained;
import dev.fapilog.cdi.FapilogStarted;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicReference;

/** Observes fapilog's lifecycle events, as an operator's code would: the start, and the drain at shutdown. */
@Dependent
public class DrainReport {
    static final AtomicReference<FapilogDrained> LAST = new AtomicReference<>();

    static void started(@Observes FapilogStarted started) {
        Main.say("fapilog started; worker threads: " + started.threadSource());
    }

    static void drained(@Observes FapilogDrained drained) {
        LAST.set(drained);
    }
}
