package dev.fapilog.it.app;

import dev.fapilog.Logger;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

@Stateless
public class ProbeEjb {
    @Inject
    Logger log;

    public String loggerName() {
        log.info("ejb called");
        return log.name();
    }
}
