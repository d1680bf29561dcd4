package dev.fapilog.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;

/** CPU time and allocation of threads, by thread or by name prefix (HotSpot's ThreadMXBean extension). */
final class Threads {
    private static final com.sun.management.ThreadMXBean MX =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private Threads() {}

    static long allocatedBytes(Thread t) {
        return MX.getThreadAllocatedBytes(t.getId());
    }

    /** Bytes allocated so far by every live thread whose name starts with {@code prefix}. */
    static long allocatedBytes(String prefix) {
        long sum = 0;
        for (ThreadInfo ti : MX.getThreadInfo(MX.getAllThreadIds())) {
            if (ti != null && ti.getThreadName().startsWith(prefix)) {
                sum += Math.max(0, MX.getThreadAllocatedBytes(ti.getThreadId()));
            }
        }
        return sum;
    }

    /** CPU nanoseconds used so far by every live thread whose name starts with {@code prefix}. */
    static long cpuNanos(String prefix) {
        long sum = 0;
        for (ThreadInfo ti : MX.getThreadInfo(MX.getAllThreadIds())) {
            if (ti != null && ti.getThreadName().startsWith(prefix)) {
                sum += Math.max(0, MX.getThreadCpuTime(ti.getThreadId()));
            }
        }
        return sum;
    }
}
