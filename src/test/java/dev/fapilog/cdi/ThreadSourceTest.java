package dev.fapilog.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fapilog.LogRuntime;
import dev.fapilog.support.CdiApp;
import dev.fapilog.support.StdStreams;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import javax.naming.Context;
import javax.naming.InitialContext;
import javax.naming.NameNotFoundException;
import javax.naming.NamingException;
import javax.naming.spi.InitialContextFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The worker thread comes from CDI, else JNDI, else the runtime's own daemon threads; the start-up line says which. */
class ThreadSourceTest {
    @TempDir
    Path dir;

    @BeforeEach
    void clear() {
        LifecycleBeans.EVENTS.clear();
        RecordingThreadFactory.MADE.clear();
    }

    private Map<String, String> config() {
        return CdiApp.fileSink(dir.resolve("out.jsonl"));
    }

    private static String threadSource() {
        return LifecycleBeans.EVENTS.stream()
                .filter(FapilogStarted.class::isInstance)
                .map(e -> ((FapilogStarted) e).threadSource())
                .findFirst()
                .orElseThrow();
    }

    @Test
    void withoutAContainerFactoryTheRuntimeUsesItsOwnDaemonThreadsAndSaysWhy() {
        String err = StdStreams.captureErr(() -> {
            try (CdiApp app = CdiApp.start(config(), LifecycleBeans.Observers.class)) {
                assertThat(app.get(LogRuntime.class)).isNotNull();
            }
        });
        assertThat(threadSource())
                .startsWith("fapilog daemon threads (")
                .contains("no CDI bean of type ManagedThreadFactory")
                .contains("no JNDI java:comp/DefaultManagedThreadFactory");
        assertThat(err).contains("\"threads\":\"fapilog daemon threads (");
        assertThat(RecordingThreadFactory.MADE).isEmpty();
    }

    @Test
    void aManagedThreadFactoryBeanComesFirst() {
        System.setProperty(Context.INITIAL_CONTEXT_FACTORY, JndiWithFactory.class.getName());
        try {
            String err = StdStreams.captureErr(() -> {
                try (CdiApp app =
                        CdiApp.start(config(), LifecycleBeans.Observers.class, RecordingThreadFactory.class)) {
                    app.get(LogRuntime.class);
                }
            });
            assertThat(threadSource())
                    .isEqualTo("CDI bean ManagedThreadFactory (" + RecordingThreadFactory.class.getName() + ")");
            assertThat(err).contains("\"threads\":\"CDI bean ManagedThreadFactory");
            assertThat(RecordingThreadFactory.MADE).as("worker and sink thread").hasSize(2);
        } finally {
            System.clearProperty(Context.INITIAL_CONTEXT_FACTORY);
        }
    }

    @Test
    void elseTheJndiDefaultManagedThreadFactory() {
        System.setProperty(Context.INITIAL_CONTEXT_FACTORY, JndiWithFactory.class.getName());
        try {
            String err = StdStreams.captureErr(() -> {
                try (CdiApp app = CdiApp.start(config(), LifecycleBeans.Observers.class)) {
                    app.get(LogRuntime.class);
                }
            });
            assertThat(threadSource())
                    .isEqualTo("JNDI java:comp/DefaultManagedThreadFactory (" + RecordingThreadFactory.class.getName()
                            + ")");
            assertThat(err).contains("\"threads\":\"JNDI java:comp/DefaultManagedThreadFactory");
            assertThat(RecordingThreadFactory.MADE).hasSize(2);
            assertThat(RecordingThreadFactory.MADE)
                    .allSatisfy(t -> assertThat(t.isDaemon()).isTrue());
        } finally {
            System.clearProperty(Context.INITIAL_CONTEXT_FACTORY);
        }
    }

    /** A container's managed thread factory, reduced to what matters here: it makes (daemon) threads and counts them. */
    @ApplicationScoped
    public static class RecordingThreadFactory implements ManagedThreadFactory {
        static final List<Thread> MADE = new CopyOnWriteArrayList<>();

        @Override
        public Thread newThread(Runnable task) {
            Thread t = new Thread(task, "managed-" + MADE.size());
            t.setDaemon(true);
            MADE.add(t);
            return t;
        }

        @Override
        public ForkJoinWorkerThread newThread(ForkJoinPool pool) {
            throw new UnsupportedOperationException("not used by fapilog");
        }
    }

    /** A JNDI provider (selected with java.naming.factory.initial) that binds the default managed thread factory. */
    public static final class JndiWithFactory implements InitialContextFactory {
        @Override
        public Context getInitialContext(Hashtable<?, ?> environment) throws NamingException {
            return new InitialContext(true) {
                @Override
                public Object lookup(String name) throws NamingException {
                    if (name.equals("java:comp/DefaultManagedThreadFactory")) {
                        return new RecordingThreadFactory();
                    }
                    throw new NameNotFoundException(name);
                }

                @Override
                public void close() {}
            };
        }
    }
}
