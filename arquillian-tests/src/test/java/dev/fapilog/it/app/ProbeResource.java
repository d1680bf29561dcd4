package dev.fapilog.it.app;

import dev.fapilog.AsyncLogger;
import dev.fapilog.LogRuntime;
import dev.fapilog.Logger;
import dev.fapilog.boot.BuiltRuntime;
import dev.fapilog.cdi.LoggerName;
import dev.fapilog.config.Settings;
import dev.fapilog.jaxrs.RequestLogger;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;

/** Tells the test what the server did: logger names, settings, thread source; and makes it log on demand. */
@Path("probe")
@RequestScoped
@Produces(MediaType.TEXT_PLAIN)
public class ProbeResource {
    @Inject
    Logger log;

    @Inject
    @LoggerName("it.named")
    Logger named;

    @Inject
    AsyncLogger asyncLog;

    @Inject
    RequestLogger requestLog;

    @Inject
    LogRuntime runtime;

    @Inject
    ProbeEjb ejb;

    @Inject
    AppState state;

    @GET
    @Path("info")
    public String info() {
        Settings settings = BuiltRuntime.of(runtime).settings();
        log.info("info requested");
        requestLog.info("request logger in the resource");
        return "resource=" + log.name() + "\n"
                + "named=" + named.name() + "\n"
                + "async=" + asyncLog.name() + "\n"
                + "ejb=" + ejb.loggerName() + "\n"
                + "app=" + state.loggerName() + "\n"
                + "preset=" + settings.preset().id() + "\n"
                + "queue=" + settings.engine().queueCapacity() + "\n"
                + "environment=" + settings.context().shared().get("service.environment") + "\n"
                + "threads=" + state.threadSource() + "\n"
                + "runtime=" + System.identityHashCode(runtime) + "\n";
    }

    @GET
    @Path("burst")
    public String burst(@QueryParam("n") int n) {
        for (int i = 0; i < n; i++) {
            log.info("burst", "i", i);
        }
        return "logged " + n + "\n";
    }

    @GET
    @Path("flush")
    public String flush() {
        return "flushed=" + runtime.flush(Duration.ofSeconds(10)) + "\n";
    }

    @GET
    @Path("fail")
    public String fail() {
        throw new IllegalStateException("probe failure");
    }
}
