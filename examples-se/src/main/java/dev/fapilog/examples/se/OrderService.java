package dev.fapilog.examples.se;

import dev.fapilog.Logger;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The application's business logic: a tiny in-memory order book. */
@ApplicationScoped
public class OrderService {
    private final Map<Long, String> orders = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(41);

    @Inject
    Logger log; // named dev.fapilog.examples.se.OrderService

    /** A library the application uses that logs through java.util.logging, as many do. */
    private static final java.util.logging.Logger PAYMENTS_LIBRARY =
            java.util.logging.Logger.getLogger("com.example.payments.Gateway");

    public long place(String item, int quantity, String cardNumber, String password) {
        long id = ids.incrementAndGet();
        orders.put(id, item);
        // Credential masking (CREDENTIALS) hides the password field in every preset but minimal.
        log.info(
                "Order placed",
                "order_id",
                id,
                "item",
                item,
                "quantity",
                quantity,
                "password",
                password,
                "card_last4",
                cardNumber.length() >= 4 ? cardNumber.substring(cardNumber.length() - 4) : "");
        // Bridged: the same JSON line format, the request's correlation id, origin "jul".
        PAYMENTS_LIBRARY.log(java.util.logging.Level.INFO, "Payment authorised for order {0}", id);
        return id;
    }

    public String find(long id) {
        String item = orders.get(id);
        log.debug("Order looked up", "order_id", id, "found", item != null);
        return item;
    }

    @PreDestroy
    void stop() {
        // Logged while the application shuts down: still delivered, because the drain waits for the scope's end.
        log.info("Order service stopped", "orders", orders.size());
    }
}
