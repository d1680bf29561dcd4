package dev.fapilog.spi;

/** The three field objects of the envelope. */
public enum Section {
    /** Request, user, tenant, trace and span ids, {@code message_id} and {@code correlation_id}. */
    CONTEXT("context"),
    /** Runtime facts (service, host, pid, jvm, thread), {@code origin} and {@code exception}. */
    DIAGNOSTICS("diagnostics"),
    /** The application's own fields. */
    DATA("data");

    private final String jsonName;

    Section(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The key of this object in the envelope. */
    public String jsonName() {
        return jsonName;
    }
}
