package dev.fapilog.bridge.jdk;

import java.text.MessageFormat;
import java.util.ResourceBundle;

/**
 * The logger of the library's own diagnostics when this finder is installed: the lines (already JSON) go to standard
 * error, never into the pipeline they report on.
 */
final class StandardErrorLogger implements System.Logger {
    static final String NAME = "dev.fapilog.diagnostics";

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean isLoggable(Level level) {
        return level != Level.OFF;
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
        if (isLoggable(level)) {
            System.err.println(msg);
            if (thrown != null) {
                thrown.printStackTrace();
            }
        }
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
        if (isLoggable(level)) {
            try {
                System.err.println(
                        params == null || params.length == 0 ? format : MessageFormat.format(format, params));
            } catch (IllegalArgumentException malformed) {
                System.err.println(format);
            }
        }
    }
}
