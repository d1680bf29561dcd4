package dev.fapilog.it.app;

import dev.fapilog.Logger;
import dev.fapilog.cdi.FapilogDrained;
import dev.fapilog.cdi.FapilogStarted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.eclipse.microprofile.config.ConfigProvider;

/** Observes fapilog's lifecycle events as an operator's code would, and writes the drain summary where the test reads it. */
@ApplicationScoped
public class AppState {
    private volatile String threadSource = "not started";

    @Inject
    Logger log;

    void started(@Observes FapilogStarted started) {
        threadSource = started.threadSource();
    }

    public String threadSource() {
        return threadSource;
    }

    public String loggerName() {
        return log.name();
    }

    /** Static: the application scope is ending or gone when the drain completes. */
    static void drained(@Observes FapilogDrained drained) throws IOException {
        Path out = Path.of(ConfigProvider.getConfig().getValue("it.drained-file", String.class));
        String line = drained.result().summary() + " begun_by=" + drained.begunBy() + " drained_at="
                + drained.drainedAt() + "\n";
        Files.writeString(out, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
