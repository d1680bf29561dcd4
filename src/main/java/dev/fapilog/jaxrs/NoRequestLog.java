package dev.fapilog.jaxrs;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a JAX-RS resource class or method: its requests get no {@code request_completed} event (health checks, metrics
 * scrapes). A failed request is still logged unless {@code fapilog.jaxrs.log-errors-on-skipped-paths=false}. The
 * request context (correlation id, trace ids) is set as for any other request.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface NoRequestLog {}
