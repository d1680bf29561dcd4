package dev.fapilog.boot;

import dev.fapilog.LogRuntime;
import java.lang.ref.WeakReference;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The runtimes of the applications running in this JVM, by class loader, so that {@code Fapilog.getLogger} (static
 * loggers included) and the bridges log into the application's runtime instead of starting one of their own. An
 * integration registers its application's runtime with the application's class loader when it has one and removes it
 * when the application has ended.
 *
 * <p>Lookup: the calling thread's context class loader and its parents first (a library shared by several
 * applications), then this library's own class loader (a library inside the application, seen from a thread of the
 * server). The newest registration of a loader wins. Loaders are held weakly, so a forgotten registration keeps no
 * undeployed application alive. Thread-safe; lookups are a read of an empty list when nothing is registered.
 */
public final class ApplicationRuntimes {
    private static final List<Entry> ENTRIES = new CopyOnWriteArrayList<>();

    private ApplicationRuntimes() {}

    /** A registration; {@link #close} removes it. */
    public static final class Registration implements AutoCloseable {
        private final Entry entry;

        private Registration(Entry entry) {
            this.entry = entry;
        }

        @Override
        public void close() {
            ENTRIES.remove(entry);
        }
    }

    /**
     * A class, not a record: a record's {@code equals} (called by {@code remove}) is linked through
     * {@code java.lang.runtime.ObjectMethods}, whose method handle caches the record's class in a JDK class on Java 17,
     * and would keep an undeployed application's class loader reachable.
     */
    private static final class Entry {
        private final WeakReference<ClassLoader> loader;
        private final LogRuntime runtime;

        Entry(WeakReference<ClassLoader> loader, LogRuntime runtime) {
            this.loader = loader;
            this.runtime = runtime;
        }

        WeakReference<ClassLoader> loader() {
            return loader;
        }

        LogRuntime runtime() {
            return runtime;
        }
    }

    /** Makes {@code runtime} the runtime of the application of {@code loader}, until the registration is closed. */
    public static Registration register(ClassLoader loader, LogRuntime runtime) {
        Entry e = new Entry(new WeakReference<>(loader), runtime);
        ENTRIES.add(e);
        ENTRIES.removeIf(old -> old.loader().get() == null);
        return new Registration(e);
    }

    /** The runtime of the application the current thread belongs to, or {@code null} outside any application. */
    public static LogRuntime current() {
        if (ENTRIES.isEmpty()) {
            return null;
        }
        LogRuntime rt = forLoaderOrParents(Thread.currentThread().getContextClassLoader());
        return rt != null ? rt : forLoaderOrParents(ApplicationRuntimes.class.getClassLoader());
    }

    private static LogRuntime forLoaderOrParents(ClassLoader loader) {
        for (ClassLoader l = loader; l != null; l = l.getParent()) {
            for (int i = ENTRIES.size() - 1; i >= 0; i--) {
                Entry e = entryAt(i);
                if (e != null && e.loader().get() == l) {
                    return e.runtime();
                }
            }
        }
        return null;
    }

    private static Entry entryAt(int i) {
        try {
            return ENTRIES.get(i);
        } catch (IndexOutOfBoundsException removedMeanwhile) {
            return null;
        }
    }
}
