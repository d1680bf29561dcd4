package dev.fapilog.examples.se;

import dev.fapilog.AsyncLogger;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** {@code /api/reports/slow}: a slow request, logged through the async facade. */
@Path("reports")
@RequestScoped
@Produces(MediaType.TEXT_PLAIN)
public class ReportsResource {
    @Inject
    AsyncLogger log; // calls return a CompletionStage that completes when the event is accepted (or dropped)

    @GET
    @Path("slow")
    public String slow(@QueryParam("ms") Integer ms) throws InterruptedException {
        long millis = ms == null ? 300 : Math.min(ms, 5_000);
        long start = System.nanoTime();
        Thread.sleep(millis);
        long took = (System.nanoTime() - start) / 1_000_000;
        log.info("Slow report built", "took_ms", took, "rows", 1_250);
        return "report ready in " + took + " ms\n";
    }
}
