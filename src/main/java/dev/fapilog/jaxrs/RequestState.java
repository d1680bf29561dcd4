package dev.fapilog.jaxrs;

import jakarta.enterprise.context.RequestScoped;

/**
 * The current request's {@link RequestRecord}, for the beans that cannot see the JAX-RS request (the request logger,
 * the resource interceptor). Set by the request filter.
 */
@RequestScoped
class RequestState {
    private volatile RequestRecord record;

    RequestRecord record() {
        return record;
    }

    void set(RequestRecord record) {
        this.record = record;
    }
}
