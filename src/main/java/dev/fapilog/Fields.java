package dev.fapilog;

/** Shared constants for the facades. */
final class Fields {
    /** The empty key/value array, shared so that calls without fields allocate nothing. */
    static final Object[] NONE = new Object[0];

    private Fields() {}
}
