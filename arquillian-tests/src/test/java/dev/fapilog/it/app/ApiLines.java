package dev.fapilog.it.app;

/**
 * One line through each logging API a library in a deployment may use. Kept apart from the resource so that only
 * the archives that call it need the APIs (WildFly gives all of them to every deployment).
 */
public final class ApiLines {
    private ApiLines() {}

    public static void logEverywhere(String tag) {
        java.util.logging.Logger.getLogger("it.jul").info("jul " + tag);
        org.jboss.logging.Logger.getLogger("it.jboss").infof("jboss %s %d", tag, 42);
        org.slf4j.LoggerFactory.getLogger("it.slf4j").info("slf4j {}", tag);
        org.apache.logging.log4j.LogManager.getLogger("it.log4j").info("log4j {}", tag);
        org.apache.commons.logging.LogFactory.getLog("it.jcl").info("jcl " + tag);
        System.getLogger("it.system").log(System.Logger.Level.INFO, "system {0}", tag);
    }
}
