package dev.fapilog.support;

import com.sun.net.httpserver.HttpServer;
import dev.fapilog.jaxrs.FapilogFeature;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.glassfish.jersey.jdkhttp.JdkHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * A real JAX-RS server for tests: a {@link CdiApp} (Weld SE) plus Jersey on the JDK's HTTP server, bound to
 * 127.0.0.1 on a free port, with the fapilog feature registered. {@link #close()} stops the server, then the CDI
 * container (which drains fapilog), in that order, as an application would.
 */
public final class JerseyApp implements AutoCloseable {
    private final CdiApp cdi;
    private final HttpServer http;
    private final ExecutorService threads;
    private final URI base;
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

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
        // With discovery off (CdiApp), the bean that lets Jersey run each request in a CDI request context must be
        // listed; with discovery on it comes from jersey-weld2-se's beans.xml.
        Class<?>[] beans = java.util.Arrays.copyOf(classes, classes.length + 1);
        beans[classes.length] = org.glassfish.jersey.weld.se.WeldRequestScope.class;
        CdiApp cdi = CdiApp.start(config, beans);
        try {
            ResourceConfig rc = new ResourceConfig()
                    .register(FapilogFeature.class)
                    .property(ServerProperties.WADL_FEATURE_DISABLE, true);
            for (Class<?> c : classes) {
                if (c.isAnnotationPresent(jakarta.ws.rs.Path.class)
                        || c.isAnnotationPresent(jakarta.ws.rs.ext.Provider.class)) {
                    rc.register(c);
                }
            }
            HttpServer[] server = new HttpServer[1];
            cdi.run(() ->
                    server[0] = JdkHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"), rc, false));
            AtomicInteger n = new AtomicInteger();
            // A small fixed pool: request threads are reused, which is what a context leak would need.
            ExecutorService threads = Executors.newFixedThreadPool(requestThreads, r -> {
                Thread t = new Thread(r, "http-test-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            server[0].setExecutor(threads);
            server[0].start();
            URI base = URI.create("http://127.0.0.1:" + server[0].getAddress().getPort() + "/");
            return new JerseyApp(cdi, server[0], threads, base);
        } catch (RuntimeException e) {
            cdi.close();
            throw e;
        }
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

    @Override
    public void close() {
        http.stop(0);
        threads.shutdown();
        cdi.close();
    }
}
