package dev.fapilog.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fapilog.support.ChildJvm;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The default runtime reads -Dfapilog.* and FAPILOG_* like MicroProfile Config; checked in a fresh JVM each. */
class DefaultRuntimeConfigTest {

    @Test
    void systemPropertiesConfigureTheDefaultRuntime() throws Exception {
        ChildJvm.Result r = ChildJvm.run(
                DefaultMain.class, List.of("-Dfapilog.preset=production", "-Dfapilog.service.name=orders-svc"));
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stdout()).contains("\"service\":\"orders-svc\"").contains("\"password\":\"***\"");
        assertThat(r.stderr()).contains("\"preset\":\"production\"");
    }

    @Test
    void anInvalidDefaultConfigurationFailsTheFirstCallWithTheCodedMessage() throws Exception {
        ChildJvm.Result r =
                ChildJvm.run(DefaultMain.class, List.of("-Dfapilog.queue.capacity=-1", "-Dfapilog.bogus=1"));
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.stdout())
                .contains("FAPILOG-C003 fapilog.queue.capacity = '-1'")
                .contains("FAPILOG-C001 fapilog.bogus = '1'");
    }

    @Test
    void theDrainReportOfAShutdownHookReachesStandardErrorEvenThroughSystemLogger() throws Exception {
        // The JVM's logging resets itself in its own shutdown hook, racing the drain's report; the report must not
        // depend on winning that race.
        ChildJvm.Result r = ChildJvm.run(
                HookMain.class, List.of("-Dfapilog.diagnostics.output=system-logger", "-Dfapilog.sinks=stdout-json"));
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stderr().lines()).anyMatch(l -> l.startsWith("{\"ts\"") && l.contains("\"key\":\"drained\""));
    }

    /** Logs one event and exits; the default runtime's shutdown hook drains it. */
    public static final class HookMain {
        public static void main(String[] args) {
            dev.fapilog.Fapilog.getLogger("hook").info("bye");
        }
    }

    public static final class DefaultMain {
        public static void main(String[] args) {
            try {
                dev.fapilog.Logger log = dev.fapilog.Fapilog.getLogger("default");
                log.info("hello", "password", "hunter2");
                log.runtime().drain(java.time.Duration.ofSeconds(5));
            } catch (dev.fapilog.ConfigurationException e) {
                System.out.println(e.getMessage());
                System.exit(3);
            }
        }
    }
}
