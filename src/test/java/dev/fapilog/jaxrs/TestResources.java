package dev.fapilog.jaxrs;

import dev.fapilog.LogContext;
import dev.fapilog.Logger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Resources and providers the JAX-RS tests call over loopback. */
final class TestResources {
    /** Worker threads for the asynchronous resources; context goes across with LogContext.propagating. */
    static final ExecutorService WORKERS = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "test-worker");
        t.setDaemon(true);
        return t;
    });

    private TestResources() {}

    /** A server with {@link Items} and {@link IllegalStateMapper}, its events in {@code out}, on two request threads. */
    static dev.fapilog.support.JerseyApp itemsApp(java.nio.file.Path out, String... keyValues) {
        return dev.fapilog.support.JerseyApp.start(
                dev.fapilog.support.CdiApp.fileSink(out, keyValues), 2, Items.class, IllegalStateMapper.class);
    }

    @Path("items")
    @RequestScoped
    @Produces(MediaType.TEXT_PLAIN)
    public static class Items {
        @Inject
        Logger log;

        @Inject
        RequestLogger requestLog;

        @GET
        @Path("{id}")
        public String get(@PathParam("id") String id) {
            log.info("plain logger in a request", "item", id);
            requestLog.info("request logger in a request", "item", id);
            return "item " + id + " correlation=" + LogContext.get("correlation_id") + "\n";
        }

        @GET
        @Path("none")
        public Response none() {
            return Response.noContent().build();
        }

        @GET
        @Path("broken")
        public String broken() {
            throw new IllegalStateException("broken on purpose");
        }

        @GET
        @Path("unmapped")
        public String unmapped() {
            throw new UnsupportedOperationException("nobody maps this");
        }

        @GET
        @Path("jul-then-unmapped")
        public String julThenUnmapped() {
            java.util.logging.Logger.getLogger("com.acme.library").warning("a library line before the failure");
            throw new UnsupportedOperationException("nobody maps this either");
        }

        @GET
        @Path("async")
        public void async(@Suspended AsyncResponse response) {
            Logger rl = requestLog.bind(); // a plain logger with the request's fields, for use on any thread
            WORKERS.execute(LogContext.wrap(() -> {
                log.info("async work on another thread");
                rl.info("request logger on another thread");
                response.resume("async done\n");
            }));
        }

        @GET
        @Path("async-broken")
        public void asyncBroken(@Suspended AsyncResponse response) {
            WORKERS.execute(() -> response.resume(new IllegalStateException("async broken")));
        }

        @GET
        @Path("stage")
        public CompletionStage<String> stage() {
            return CompletableFuture.supplyAsync(
                    () -> {
                        log.info("stage work on another thread");
                        return "stage done\n";
                    },
                    LogContext.propagating(WORKERS));
        }

        @GET
        @Path("health")
        @NoRequestLog
        public String health() {
            return "ok\n";
        }

        @GET
        @Path("context-now")
        public String contextNow() {
            return String.valueOf(LogContext.snapshot().asMap());
        }
    }

    /** A request-scoped service that logs through the request logger. */
    @RequestScoped
    public static class Audit {
        @Inject
        RequestLogger log;

        public void record(String what) {
            log.info("audited", "what", what);
        }
    }

    @Path("audited")
    @RequestScoped
    @Produces(MediaType.TEXT_PLAIN)
    public static class Audited {
        @Inject
        Audit audit;

        @GET
        public String get() {
            audit.record("a read");
            return "ok\n";
        }
    }

    /** A request that takes its time: it signals when it has started, then sleeps. */
    @Path("slow")
    @RequestScoped
    @Produces(MediaType.TEXT_PLAIN)
    public static class Slow {
        static volatile java.util.concurrent.CountDownLatch entered = new java.util.concurrent.CountDownLatch(1);

        @Inject
        Logger log;

        @GET
        @Path("{ms}")
        public String sleep(@PathParam("ms") long ms) throws InterruptedException {
            entered.countDown();
            Thread.sleep(ms);
            log.info("slow request finishing");
            return "slept " + ms + "\n";
        }
    }

    /** Maps IllegalStateException as an application would: the exception must arrive here unchanged. */
    @Provider
    @ApplicationScoped
    public static class IllegalStateMapper implements ExceptionMapper<IllegalStateException> {
        static volatile Throwable lastSeen;

        @Override
        public Response toResponse(IllegalStateException e) {
            lastSeen = e;
            return Response.status(503)
                    .entity("mapped: " + e.getMessage() + "\n")
                    .build();
        }
    }
}
