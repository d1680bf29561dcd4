package dev.fapilog.examples.wildfly;

import dev.fapilog.Logger;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The business logic, as an EJB: a tiny in-memory order book. */
@Singleton
public class OrderBook {
    private final Map<Long, String> orders = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(41);

    @Inject
    Logger log; // named dev.fapilog.examples.wildfly.OrderBook

    public long place(String item, int quantity, String password) {
        long id = ids.incrementAndGet();
        orders.put(id, item);
        // Credential masking (CREDENTIALS, on by default and in every preset but minimal) hides the password field.
        log.info("Order placed", "order_id", id, "item", item, "quantity", quantity, "password", password);
        return id;
    }

    public String find(long id) {
        return orders.get(id);
    }

    @PreDestroy
    void stop() {
        // Logged while the application is undeployed: still delivered, the drain waits for the scope's end.
        log.info("Order book closed", "orders", orders.size());
    }
}
