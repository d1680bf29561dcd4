package dev.fapilog.examples.se;

import dev.fapilog.Logger;
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

/** {@code /api/orders}: fast reads, a write with a secret in a field, and one request that fails. */
@Path("orders")
@RequestScoped
@Produces(MediaType.TEXT_PLAIN)
public class OrdersResource {
    @Inject
    Logger log; // named dev.fapilog.examples.se.OrdersResource

    @Inject
    OrderService orders;

    @GET
    @Path("{id:[0-9]+}")
    public Response get(@PathParam("id") long id) {
        String item = orders.find(id);
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
            @FormParam("item") String item,
            @FormParam("quantity") int quantity,
            @FormParam("card") String card,
            @FormParam("password") String password) {
        long id = orders.place(item, quantity, card == null ? "" : card, password);
        return Response.status(Response.Status.CREATED).entity(id + "\n").build();
    }

    @GET
    @Path("fail")
    public String fail() {
        throw new IllegalStateException("inventory service unavailable");
    }
}
