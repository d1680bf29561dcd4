package dev.fapilog.cdi;

import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadFactory;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Finds the container's thread factory for the worker and sink threads, in the order of DESIGN section 8:
 *
 * <ol>
 *   <li>a CDI bean of type {@code ManagedThreadFactory} (Jakarta Concurrency 3.1 servers can offer one);
 *   <li>JNDI {@code java:comp/DefaultManagedThreadFactory} (every Jakarta EE server: WildFly, Payara);
 *   <li>none: the runtime's own daemon threads (Java SE).
 * </ol>
 *
 * The Concurrency API is optional: its type is loaded by name, and a {@code ManagedThreadFactory} is used only through
 * {@link ThreadFactory}, which it extends. Every failed step is named in the result, which ends up on the start-up line.
 * Never throws.
 */
final class ThreadFactoryLookup {
    static final String JNDI_NAME = "java:comp/DefaultManagedThreadFactory";
    static final String MANAGED_THREAD_FACTORY = "jakarta.enterprise.concurrent.ManagedThreadFactory";

    /**
     * @param factory the factory to use, or {@code null} for the runtime's own daemon threads
     * @param source where it came from, or why there is none
     */
    record Found(ThreadFactory factory, String source) {}

    private ThreadFactoryLookup() {}

    static Found find(BeanManager beans) {
        List<String> misses = new ArrayList<>();
        Class<?> type = concurrencyApi();
        if (type == null) {
            misses.add("Jakarta Concurrency API not on the class path");
        } else {
            Found fromCdi = fromCdi(beans, type, misses);
            if (fromCdi != null) {
                return fromCdi;
            }
        }
        Found fromJndi = fromJndi(misses);
        if (fromJndi != null) {
            return fromJndi;
        }
        return new Found(null, "fapilog daemon threads (" + String.join("; ", misses) + ")");
    }

    private static Found fromCdi(BeanManager beans, Class<?> type, List<String> misses) {
        try {
            Set<Bean<?>> candidates = beans.getBeans(type);
            if (candidates.isEmpty()) {
                misses.add("no CDI bean of type ManagedThreadFactory");
                return null;
            }
            Bean<?> bean = beans.resolve(candidates);
            Object ref = beans.getReference(bean, type, beans.createCreationalContext(bean));
            return new Found(
                    (ThreadFactory) ref,
                    "CDI bean ManagedThreadFactory (" + bean.getBeanClass().getName() + ")");
        } catch (RuntimeException | LinkageError e) {
            misses.add("CDI ManagedThreadFactory not usable: " + e);
            return null;
        }
    }

    private static Found fromJndi(List<String> misses) {
        InitialContext context = null;
        try {
            context = new InitialContext();
            Object found = context.lookup(JNDI_NAME);
            if (found instanceof ThreadFactory) {
                return new Found(
                        (ThreadFactory) found,
                        "JNDI " + JNDI_NAME + " (" + found.getClass().getName() + ")");
            }
            misses.add("JNDI " + JNDI_NAME + " is not a ThreadFactory: "
                    + (found == null ? "null" : found.getClass().getName()));
        } catch (NamingException | RuntimeException | LinkageError e) {
            misses.add("no JNDI " + JNDI_NAME);
        } finally {
            if (context != null) {
                try {
                    context.close();
                } catch (NamingException ignored) {
                    // Closing a lookup context has nothing left to release that matters here.
                }
            }
        }
        return null;
    }

    private static Class<?> concurrencyApi() {
        for (ClassLoader loader : new ClassLoader[] {
            Thread.currentThread().getContextClassLoader(), ThreadFactoryLookup.class.getClassLoader()
        }) {
            if (loader == null) {
                continue;
            }
            try {
                return Class.forName(MANAGED_THREAD_FACTORY, false, loader);
            } catch (ClassNotFoundException | LinkageError absent) {
                // Try the next loader; Java SE has no Concurrency API at all.
            }
        }
        return null;
    }
}
