package dev.fapilog.examples.payara;

import dev.fapilog.Logger;
import dev.fapilog.cdi.LoggerName;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/** A stateless EJB with a named logger. */
@Stateless
public class Pricing {
    @Inject
    @LoggerName("orders.pricing")
    Logger log;

    public double price(String item, int quantity) {
        double price = 12.5 * quantity;
        log.debug("Priced", "item", item, "quantity", quantity, "price", price);
        return price;
    }
}
