package dev.fapilog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fapilog.support.ChildJvm;
import dev.fapilog.testing.MemorySink;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CustomLevelTest {

    @Test
    void builtInLevelsAndLookup() {
        assertThat(Level.named("warn")).contains(Level.WARNING);
        assertThat(Level.named("FATAL")).contains(Level.CRITICAL);
        assertThat(Level.named(" info ")).contains(Level.INFO);
        assertThat(Level.named("nope")).isEmpty();
        assertThat(Level.AUDIT.priority()).isEqualTo(60);
        assertThat(Level.SECURITY.isAtLeast(Level.ERROR)).isTrue();
        assertThat(Level.all()).startsWith(Level.TRACE, Level.DEBUG, Level.INFO, Level.WARNING);
    }

    @Test
    void invalidRegistrationsAreRefusedWithAReason() {
        assertThatThrownBy(() -> Level.register("bad name", 10)).hasMessageContaining("letters, digits");
        assertThatThrownBy(() -> Level.register("NOTICE", 100)).hasMessageContaining("0 to 99");
        assertThatThrownBy(() -> Level.register("info", 25)).hasMessageContaining("built-in");
    }

    /** Registration freezes at the first event in the JVM, so this runs in a JVM of its own. */
    @Test
    void customLevelsWorkUntilTheFirstEventThenRegistrationIsRefused() throws Exception {
        ChildJvm.Result r = ChildJvm.run(CustomLevelMain.class, List.of());
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stdout())
                .contains("NOTICE logged")
                .contains("late registration refused: Custom level 'LATE' cannot be registered: levels are frozen"
                        + " once the first event is logged");
    }

    /** The child JVM's program. */
    public static final class CustomLevelMain {
        public static void main(String[] args) throws Exception {
            Level notice = Level.register("NOTICE", 25);
            MemorySink sink = new MemorySink();
            LogRuntime rt = Fapilog.builder()
                    .sinks()
                    .plugin(sink)
                    .shutdownHook(false)
                    .level(notice)
                    .buildRuntime();
            rt.logger("t").log(notice, "custom");
            rt.logger("t").info("below NOTICE, not logged");
            rt.drain(Duration.ofSeconds(5));
            if (sink.size() == 1 && sink.lines().get(0).contains("\"level\":\"NOTICE\"")) {
                System.out.println("NOTICE logged");
            }
            try {
                Level.register("LATE", 26);
                System.out.println("late registration accepted (wrong)");
            } catch (IllegalStateException expected) {
                System.out.println("late registration refused: " + expected.getMessage());
            }
        }
    }
}
