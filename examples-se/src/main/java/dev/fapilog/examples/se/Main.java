package dev.fapilog.examples.se;

import com.sun.net.httpserver.HttpServer;
import dev.fapilog.cdi.FapilogDrained;
import dev.fapilog.jaxrs.FapilogFeature;
import jakarta.enterprise.inject.se.SeContainer;
import jakarta.enterprise.inject.se.SeContainerInitializer;
import java.net.URI;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.glassfish.jersey.jdkhttp.JdkHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * The embedded default: Weld SE (CDI) + Jersey on the JDK's HTTP server + SmallRye Config, serving a small JAX-RS API
 * on 127.0.0.1 whose beans {@code @Inject Logger} and {@code AsyncLogger}.
 *
 * <pre>
 * Main              start, send a scripted burst of requests to itself, print the log lines, shut down, print the drain
 * Main --serve      keep serving on 127.0.0.1:8080 (or --port N) until Ctrl-C; try it with curl
 * </pre>
 *
 * Switch the preset with {@code -Dfapilog.preset=dev} or {@code FAPILOG_PRESET=dev}; the default, in
 * {@code META-INF/microprofile-config.properties}, is {@code production}.
 */
public final class Main {
    /**
     * Weld's and Jersey's own lines go through java.util.logging, which fapilog's CDI extension bridges into the same
     * pipeline while the application runs (fapilog.bridge.jul.install): they come out as JSON lines like the
     * application's, with diagnostics.origin "jul". Jersey's warning that the optional Jakarta Activation API is absent
     * (this API does not use it) is kept out. Held in a field: java.util.logging forgets the level of a logger it has
     * collected.
     */
    private static final java.util.logging.Logger JERSEY_ACTIVATION =
            quiet("org.glassfish.jersey.message.internal", java.util.logging.Level.SEVERE);

    /**
     * Weld's notes while the container starts and stops (its version, discovery and transaction notes) are written
     * before the application's pipeline exists and after it has drained, so JUL would print them in its own text
     * format; the demo keeps Weld at WARNING around those two moments only.
     */
    private static final java.util.logging.Logger WELD = java.util.logging.Logger.getLogger("org.jboss.weld");

    private Main() {}

    public static void main(String[] args) throws Exception {
        boolean serve = false;
        int port = -1;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--serve":
                    serve = true;
                    break;
                case "--port":
                    port = Integer.parseInt(args[++i]);
                    break;
                default:
                    System.err.println("usage: Main [--serve] [--port N]");
                    System.exit(2);
            }
        }
        if (port < 0) {
            port = serve ? 8080 : 0; // the scripted run takes any free port
        }
        App app = App.start(port);
        if (serve) {
            serve(app);
        } else {
            try {
                new ScriptedBurst(app.baseUri()).run();
            } finally {
                app.stop();
            }
            printDrain();
        }
    }

    private static void serve(App app) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.stop();
            printDrain();
            stopped.countDown();
        }));
        URI base = app.baseUri();
        say("serving on " + base + " (Ctrl-C stops it and drains the log pipeline); try:");
        say("  curl -i -H 'X-Request-ID: my-id-1' " + base + "orders/42");
        say("  curl -i -H 'traceparent: 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' " + base
                + "orders/42");
        say("  curl -i -d item=book -d quantity=2 -d card=4111111111111111 -d password=hunter2 " + base + "orders");
        say("  curl -i " + base + "reports/slow?ms=500");
        say("  curl -i " + base + "orders/fail");
        stopped.await();
    }

    private static void printDrain() {
        FapilogDrained d = DrainReport.LAST.get();
        if (d == null) {
            say("no drain result (the runtime never started)");
            return;
        }
        say("drain summary: " + d.result().summary());
        say("begun by " + d.begunBy() + ", drained at " + d.drainedAt() + "; every event accounted for: "
                + d.result().stats().balanced());
    }

    private static java.util.logging.Logger quiet(String name, java.util.logging.Level level) {
        java.util.logging.Logger l = java.util.logging.Logger.getLogger(name);
        l.setLevel(level);
        return l;
    }

    /** The demo's own narration, told apart from the log lines by its prefix. */
    static void say(String line) {
        System.out.println("demo> " + line);
        System.out.flush();
    }

    /** The running application: the CDI container and the HTTP server. */
    static final class App {
        private final SeContainer cdi;
        private final HttpServer http;
        private final ExecutorService requests;
        private final URI base;
        private boolean stopped;

        private App(SeContainer cdi, HttpServer http, ExecutorService requests, URI base) {
            this.cdi = cdi;
            this.http = http;
            this.requests = requests;
            this.base = base;
        }

        static App start(int port) {
            // Weld's own shutdown hook is off: the HTTP server must stop before the container, or requests still in
            // flight would find their beans gone.
            WELD.setLevel(java.util.logging.Level.WARNING);
            SeContainer cdi = SeContainerInitializer.newInstance()
                    .addProperty("org.jboss.weld.se.shutdownHook", false)
                    .initialize();
            WELD.setLevel(null); // from here on Weld's lines go through the pipeline
            try {
                ResourceConfig api = new ResourceConfig(
                                OrdersResource.class, ReportsResource.class, FailureMapper.class)
                        .register(FapilogFeature.class) // request context, request logger, completion events
                        .property(ServerProperties.WADL_FEATURE_DISABLE, true);
                HttpServer http = JdkHttpServerFactory.createHttpServer(
                        URI.create("http://127.0.0.1:" + port + "/api/"), api, false);
                // Our own request threads, so that stop() can end them (the server's stop does not).
                AtomicInteger n = new AtomicInteger();
                ExecutorService requests =
                        Executors.newCachedThreadPool(r -> new Thread(r, "http-" + n.incrementAndGet()));
                http.setExecutor(requests);
                http.start();
                URI base = URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/api/");
                return new App(cdi, http, requests, base);
            } catch (RuntimeException e) {
                cdi.close();
                throw e;
            }
        }

        URI baseUri() {
            return base;
        }

        synchronized void stop() {
            if (stopped) {
                return;
            }
            stopped = true;
            http.stop(0);
            requests.shutdown();
            WELD.setLevel(java.util.logging.Level.WARNING);
            cdi.close(); // ends the application scope: fapilog drains, and DrainReport receives the result
        }
    }
}
