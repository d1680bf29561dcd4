package dev.fapilog.core;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * An immutable snapshot of a collection or array taken on the caller thread. Elements beyond the cap are left out and
 * counted in {@link #omitted()}.
 */
final class CapturedList extends AbstractList<Object> implements RandomAccess {
    private final Object[] elements;
    private final int omitted;

    private final long approxBytes;

    CapturedList(Object[] elements, int omitted) {
        this.elements = elements;
        this.omitted = omitted;
        this.approxBytes = EventSizes.ofAll(elements);
    }

    /** Estimated heap size, for the queue's byte budget (see {@link EventSizes}). */
    long approxBytes() {
        return approxBytes;
    }

    /** Number of elements left out because of the cap. */
    public int omitted() {
        return omitted;
    }

    @Override
    public Object get(int index) {
        return elements[index];
    }

    @Override
    public int size() {
        return elements.length;
    }

    /** A copy with the element at {@code index} replaced (used by redactors). */
    public CapturedList withElementAt(int index, Object value) {
        Object[] e = elements.clone();
        e[index] = value;
        return new CapturedList(e, omitted);
    }
}
