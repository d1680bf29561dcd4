package dev.fapilog.examples.payara;

import dev.fapilog.AsyncLogger;
import dev.fapilog.Logger;
import dev.fapilog.jaxrs.RequestLogger;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code /api/orders}: reads, a write with a secret, and a request that fails. */
@Path("orders")
@RequestScoped
@Produces(MediaType.TEXT_PLAIN)
public class OrdersResource {
    @Inject
    Logger log; // carries the request's correlation id and trace id, from the request context

    @Inject
    RequestLogger requestLog; // the same ids, bound

    @Inject
    AsyncLogger asyncLog;

    @Inject
    OrderBook book;

    @Inject
    Pricing pricing;

    @GET
    @Path("{id:[0-9]+}")
    public Response get(@PathParam("id") long id) {
        String item = book.find(id);
        if (item == null) {
            log.warn("Order not found", "order_id", id);
            return Response.status(Response.Status.NOT_FOUND)
                    .entity("no order " + id + "\n")
                    .build();
        }
        return Response.ok(id + ": " + item + "\n").build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response place(
            @FormParam("item") String item, @FormParam("quantity") int quantity, @FormParam("password") String pw) {
        long id = book.place(item, quantity, pw);
        double price = pricing.price(item, quantity);
        requestLog.info("Order accepted", "order_id", id, "price", price);
        asyncLog.info("Order queued for shipping", "order_id", id);
        return Response.status(Response.Status.CREATED).entity(id + "\n").build();
    }

    @GET
    @Path("fail")
    public String fail() {
        throw new IllegalStateException("inventory service unavailable");
    }
}
