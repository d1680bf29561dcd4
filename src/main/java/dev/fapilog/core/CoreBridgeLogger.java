package dev.fapilog.core;

import dev.fapilog.Acceptance;
import dev.fapilog.Level;
import dev.fapilog.spi.BridgeLogger;
import java.util.regex.Pattern;

/** The {@link BridgeLogger} of a {@link CoreRuntime}: a name and origin in front of the runtime's intake. */
final class CoreBridgeLogger implements BridgeLogger {
    // Written into the envelope without escaping, so only plain characters are allowed.
    private static final Pattern ORIGIN = Pattern.compile("[a-z0-9-]{1,32}");

    private final CoreRuntime runtime;
    private final Intake intake;
    private final String name;
    private final String origin;

    CoreBridgeLogger(CoreRuntime runtime, String name, String origin) {
        this.runtime = runtime;
        this.intake = runtime.intake();
        this.name = name;
        this.origin = origin;
    }

    static String checkOrigin(String origin) {
        if (origin == null || !ORIGIN.matcher(origin).matches()) {
            throw new IllegalArgumentException("a bridge origin is 1 to 32 of a-z, 0-9 and '-', not " + origin);
        }
        return origin;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String origin() {
        return origin;
    }

    @Override
    public boolean isEnabled(Level level) {
        return level != null && level.priority() >= runtime.threshold();
    }

    @Override
    public Acceptance log(Level level, String message, Throwable error, Object[] keyValues, String thread) {
        if (level == null) {
            return Acceptance.DISABLED;
        }
        return intake.logBridged(level, name, message, error, keyValues, thread, origin);
    }

    @Override
    public String toString() {
        return "BridgeLogger[" + origin + ":" + name + " @ " + runtime.name() + "]";
    }
}
