package dev.fapilog.examples.payara;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code /api/health}: skipped by {@code fapilog.jaxrs.skip-paths}, so probes do not flood the log. */
@Path("health")
@RequestScoped
public class HealthResource {
    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String health() {
        return "ok\n";
    }
}
