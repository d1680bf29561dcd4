package dev.fapilog.examples.payara;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The JAX-RS application under {@code /api}; resources and providers (fapilog's included) are found by scanning. */
@ApplicationPath("api")
public class OrdersApplication extends Application {}
