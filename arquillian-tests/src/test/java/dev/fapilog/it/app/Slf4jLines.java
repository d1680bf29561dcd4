package dev.fapilog.it.app;

/** One line through SLF4J's fluent API (typed key-value pairs) and one through JUL, for the archives that bundle SLF4J. */
public final class Slf4jLines {
    private Slf4jLines() {}

    public static void log(String tag) {
        org.slf4j.LoggerFactory.getLogger("it.slf4j")
                .atInfo()
                .addKeyValue("amount", 9.5)
                .addKeyValue("tag", tag)
                .log("slf4j {}", tag);
        java.util.logging.Logger.getLogger("it.jul").info("jul " + tag);
    }
}
