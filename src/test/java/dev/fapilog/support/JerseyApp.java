package dev.fapilog.support;

import dev.fapilog.jaxrs.FapilogFeature;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.threadpool.ThreadPoolConfig;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * A real JAX-RS server for tests: a {@link CdiApp} (Weld SE) plus Jersey on Grizzly, bound to
 * 127.0.0.1 on a free port, with the fapilog feature registered. {@link #close()} stops the server, then the CDI
 * container (which drains fapilog), in that order, as an application would.
 */
public final class JerseyApp implements AutoCloseable {
    private final CdiApp cdi;
    private final HttpServer http;
    private final ExecutorService threads;
    private final URI base;
    // HTTP/1.1 only: the JDK client otherwise offers an h2c upgrade on every request. Once, under the concurrency
    // test's 200 parallel requests on JDK 25, a connection closed without a response; plain HTTP/1.1 is what the
    // tests mean to exercise anyway.
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private JerseyApp(CdiApp cdi, HttpServer http, ExecutorService threads, URI base) {
        this.cdi = cdi;
        this.http = http;
        this.threads = threads;
        this.base = base;
    }

    /**
     * @param config {@code microprofile-config.properties} entries
     * @param classes resources, providers and other beans (each becomes a CDI bean and is registered with Jersey if it
     *     is a resource or provider)
     */
    public static JerseyApp start(Map<String, String> config, int requestThreads, Class<?>... classes) {
        CdiApp cdi = startCdi(config, classes);
        try {
            ResourceConfig rc = resourceConfig(classes);
            HttpServer[] server = new HttpServer[1];
            cdi.run(() -> server[0] =
                    GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"), rc, false));
            AtomicInteger n = new AtomicInteger();
            // A small fixed pool: request threads are reused, which is what a context leak would need.
            ThreadPoolConfig pool = ThreadPoolConfig.defaultConfig()
                    .setCorePoolSize(requestThreads)
                    .setMaxPoolSize(requestThreads)
                    .setPoolName("http-test")
                    .setInitialClassLoader(cdi.loader()); // as a server runs a request: the application's loader
            server[0].getListeners().forEach(l -> l.getTransport().setWorkerThreadPoolConfig(pool));
            try {
                server[0].start();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            ExecutorService threads =
                    server[0].getListeners().iterator().next().getTransport().getWorkerThreadPool();
            URI base = URI.create("http://127.0.0.1:"
                    + server[0].getListeners().iterator().next().getPort() + "/");
            return new JerseyApp(cdi, server[0], threads, base);
        } catch (RuntimeException e) {
            cdi.close();
            throw e;
        }
    }

    /**
     * Like {@link #start}, but Jersey runs as a servlet ({@code ServletContainer}) in Grizzly's servlet container, as
     * JAX-RS does in a WAR on WildFly or Payara.
     */
    public static JerseyApp startServlet(Map<String, String> config, Class<?>... classes) {
        CdiApp cdi = startCdi(config, classes);
        try {
            ResourceConfig rc = resourceConfig(classes);
            HttpServer[] server = new HttpServer[1];
            cdi.run(() -> {
                try {
                    server[0] = org.glassfish.jersey.grizzly2.servlet.GrizzlyWebContainerFactory.create(
                            URI.create("http://127.0.0.1:0/"),
                            new org.glassfish.jersey.servlet.ServletContainer(rc),
                            Map.of(),
                            Map.of());
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            org.glassfish.grizzly.http.server.NetworkListener listener =
                    server[0].getListeners().iterator().next();
            return new JerseyApp(
                    cdi,
                    server[0],
                    listener.getTransport().getWorkerThreadPool(),
                    URI.create("http://127.0.0.1:" + listener.getPort() + "/"));
        } catch (RuntimeException e) {
            cdi.close();
            throw e;
        }
    }

    private static CdiApp startCdi(Map<String, String> config, Class<?>... classes) {
        // With discovery off (CdiApp), the bean that lets Jersey run each request in a CDI request context must be
        // listed; with discovery on it comes from jersey-weld2-se's beans.xml.
        Class<?>[] beans = java.util.Arrays.copyOf(classes, classes.length + 1);
        beans[classes.length] = org.glassfish.jersey.weld.se.WeldRequestScope.class;
        return CdiApp.start(config, beans);
    }

    /** The fapilog feature, plus every resource and provider among {@code classes}. */
    private static ResourceConfig resourceConfig(Class<?>... classes) {
        ResourceConfig rc = new ResourceConfig()
                .register(FapilogFeature.class)
                .property(ServerProperties.WADL_FEATURE_DISABLE, true);
        for (Class<?> c : classes) {
            if (c.isAnnotationPresent(jakarta.ws.rs.Path.class)
                    || c.isAnnotationPresent(jakarta.ws.rs.ext.Provider.class)) {
                rc.register(c);
            }
        }
        return rc;
    }

    public URI base() {
        return base;
    }

    public CdiApp cdi() {
        return cdi;
    }

    public HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return client.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpClient client() {
        return client;
    }

    /** Runs {@code task} on one of the server's request threads (with one request thread: the one requests used). */
    public <T> T onRequestThread(java.util.concurrent.Callable<T> task) throws Exception {
        return threads.submit(task).get(10, java.util.concurrent.TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        http.shutdownNow();
        cdi.close();
    }
}
