package dev.fapilog.arch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fapilog.Logger;
import dev.fapilog.support.TestRuntimes;
import dev.fapilog.testing.MemorySink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Errors after which the JVM cannot be trusted are never swallowed, not by a log call, not by the pipeline; a
 * StackOverflowError from data (a recursive toString) is still a marker, as BadInputTest row 9 shows.
 */
class FatalErrorsTest {
    private static final Pattern CATCH_ALL =
            Pattern.compile("catch \\((?:Throwable|Error) (\\w+)\\) \\{\\s*\\n([^\\n]*)");

    @Test
    void everyCatchOfThrowableRethrowsVirtualMachineErrors() throws IOException {
        List<String> swallowing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                Matcher m = CATCH_ALL.matcher(Files.readString(f));
                while (m.find()) {
                    String firstLine = m.group(2);
                    if (!firstLine.contains("rethrowIfFatal(" + m.group(1) + ")")
                            && !firstLine.contains(m.group(1) + " instanceof VirtualMachineError &&")) {
                        swallowing.add(f + ": catch (" + m.group(1) + ")");
                    }
                }
            }
        }
        assertThat(swallowing)
                .as("catch blocks of Throwable must start with Fatal.rethrowIfFatal")
                .isEmpty();
    }

    @Test
    void aLogCallRethrowsAFatalErrorButNothingElse() {
        MemorySink sink = new MemorySink();
        Logger log = TestRuntimes.builder().plugin(sink).build();
        Object fatal = new Object() {
            @Override
            public String toString() {
                throw new OutOfMemoryError("from toString");
            }
        };
        Object broken = new Object() {
            @Override
            public String toString() {
                throw new IllegalStateException("from toString");
            }
        };
        log.info("broken value", "v", broken); // never throws
        assertThatThrownBy(() -> log.info("fatal value", "v", fatal))
                .isInstanceOf(OutOfMemoryError.class)
                .hasMessage("from toString");
        dev.fapilog.AsyncLogger async = log.runtime().asyncLogger("async");
        assertThat(async.info("broken value", "v", broken).toCompletableFuture().join())
                .isEqualTo(dev.fapilog.Acceptance.ACCEPTED);
        assertThatThrownBy(() -> async.info("fatal value", "v", fatal)).isInstanceOf(OutOfMemoryError.class);
        assertThat(log.runtime().drain(Duration.ofSeconds(5)).delivered()).isEqualTo(2);
    }
}
