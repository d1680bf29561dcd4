package dev.fapilog.sink.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fapilog.DrainResult;
import dev.fapilog.Fapilog;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The Kafka client logs through SLF4J, and with fapilog's SLF4J provider those logs reach the application's own
 * runtime, whose sink is this Kafka producer: what its I/O thread logs about a broker that cannot be reached must not
 * feed the sink it is about. In a child JVM (SLF4J and the default runtime are per JVM).
 */
class ClientLogsTest {

    /** The child: the default runtime ships to a broker that is not there; the client complains on its I/O thread. */
    public static final class Main {
        public static void main(String[] args) throws Exception {
            Fapilog.getLogger("app").info("one application event");
            TimeUnit.SECONDS.sleep(3); // the I/O thread tries to connect and logs its warnings meanwhile
            DrainResult d = Fapilog.defaultRuntime().drain(Duration.ofSeconds(15));
            System.out.println("RESULT submitted=" + d.submitted() + " failed=" + d.failed() + " dropped="
                    + d.droppedByReason() + " balanced=" + d.stats().balanced());
        }
    }

    @Test
    void whatTheClientLogsOnItsIoThreadNeverReachesTheSinkItIsAbout() throws Exception {
        List<String> cmd = new ArrayList<>(List.of(
                System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
                "-Dslf4j.provider=dev.fapilog.slf4j.FapilogServiceProvider",
                "-Dfapilog.sinks=kafka",
                "-Dfapilog.sink.kafka.bootstrap-servers=127.0.0.1:1",
                "-Dfapilog.sink.kafka.producer.max.block.ms=8000",
                "-Dfapilog.sink.kafka.producer.reconnect.backoff.ms=100",
                "-Dfapilog.sink.kafka.retry.max-attempts=1",
                "-Dfapilog.shutdown.hook=false",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String result =
                out.lines().filter(l -> l.startsWith("RESULT")).findFirst().orElseThrow(() -> new AssertionError(out));
        // The client's warnings were submitted (through SLF4J) and dropped as pipeline_thread: never queued for the
        // sink, which failed only the application's own event.
        assertThat(result).contains("failed=1 ").contains("pipeline_thread=").contains("balanced=true");
        assertThat(result).doesNotContain("submitted=1 ");
    }
}
