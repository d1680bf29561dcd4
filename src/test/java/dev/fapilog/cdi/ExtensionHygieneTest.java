package dev.fapilog.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fapilog.Logger;
import dev.fapilog.support.CdiApp;
import jakarta.enterprise.inject.Vetoed;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/** The extension asks the container for nothing it does not need, and cannot be taken for a bean. */
class ExtensionHygieneTest {

    /** A resource, so that the JAX-RS module's interceptor binding is in play. */
    @jakarta.ws.rs.Path("hygiene")
    @jakarta.enterprise.context.RequestScoped
    public static class Resource {
        @jakarta.ws.rs.GET
        public String get() {
            return "ok";
        }
    }

    @Test
    void theExtensionIsFinalAndVetoed() {
        assertThat(Modifier.isFinal(FapilogExtension.class.getModifiers())).isTrue();
        assertThat(FapilogExtension.class.isAnnotationPresent(Vetoed.class)).isTrue();
    }

    @Test
    void weldDoesNotWarnThatTheExtensionObservesEveryType() {
        List<String> weld = new CopyOnWriteArrayList<>();
        java.util.logging.Logger jul = java.util.logging.Logger.getLogger("org.jboss.weld");
        Level before = jul.getLevel();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                weld.add(String.valueOf(r.getMessage()) + " " + java.util.Arrays.toString(r.getParameters()));
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        capture.setLevel(Level.ALL);
        jul.setLevel(Level.ALL);
        jul.addHandler(capture);
        try (CdiApp app = CdiApp.start(Map.of("fapilog.sinks", "stdout-json"), Resource.class)) {
            Logger log = app.get(Logger.class);
            assertThat(log).isNotNull();
        } finally {
            jul.removeHandler(capture);
            jul.setLevel(before);
        }
        assertThat(weld).as("Weld logged through JUL at all").isNotEmpty();
        assertThat(weld)
                .as("WELD-000411 for an observer of ours (Jersey's own extension still gets one)")
                .noneMatch(m -> m.contains("000411") && m.contains("dev.fapilog"));
        assertThat(weld).anyMatch(m -> m.contains("000411"));
    }
}
